import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { inUnit, ratePercent, toFen, fenToYuanString } from "@/domain/money";
import { gradeDistribution, preAssessmentTrend } from "@/features/dashboards/leader-queries";
import { yearTrend } from "@/features/dashboards/queries";
import { db, queryRows } from "@/server/db";
import { signedIn } from "../factories/users";

// The leadership dashboard's additions, each against a query of its own on the demo data.

describe("the leadership dashboard", () => {
  it("counts the grades of 2020's completed evaluations by type", async () => {
    const leader = await signedIn("leader");
    const rows = await gradeDistribution(leader, 2020);
    const expected = await queryRows<{ type: string; grade: string; n: number }>(
      db,
      sql`select type, grade, count(*)::int as n from evaluations
          where year = 2020 and grade is not null
            and ((type = 'SELF' and status in ('SUBMITTED', 'DEPT_APPROVED', 'RECEIVED'))
              or (type <> 'SELF' and status = 'SETTLED'))
          group by type, grade`,
    );
    const types = [...new Set(expected.map((e) => e.type))];
    expect(rows.map((r) => r.type).sort()).toEqual(types.sort());
    for (const e of expected) expect(rows.find((r) => r.type === e.type)![e.grade as "GOOD"]).toBe(e.n);
    // The demo: all 1317 self-evaluations and the 124 settled sampled reviews carry a grade.
    const sum = (type: string) => {
      const r = rows.find((x) => x.type === type)!;
      return r.EXCELLENT + r.GOOD + r.PASS + r.FAIL;
    };
    expect(sum("SELF")).toBe(1317);
    // Other files settle sampled reviews of their own on the shared server database.
    if (!process.env.DATABASE_URL) expect(sum("SAMPLED")).toBe(124);
  });

  it("shows each budget year's re-evaluation cut: 2022's is 68 projects, 43.52 亿元, 7.13 亿元, 16.39%", async () => {
    const leader = await signedIn("leader");
    const [rows, trend] = await Promise.all([preAssessmentTrend(leader), yearTrend(leader)]);
    expect(rows.map((r) => r.year)).toEqual(trend.map((r) => r.year));
    const expected = await queryRows<{
      year: number;
      n: number;
      requested: string | null;
      recommended: string | null;
    }>(
      db,
      sql`select p.year, count(*)::int as n, sum(p.requested_amount)::text as requested,
            sum(pa.recommended_amount)::text as recommended
          from pre_assessments pa join projects p on p.id = pa.project_id
          where pa.status = 'CONCLUDED' and p.id in (select project_id from expert_group_projects)
          group by p.year`,
    );
    for (const r of rows) {
      const e = expected.find((x) => x.year === r.year);
      expect(r.projects).toBe(e?.n ?? 0);
      expect(r.requested).toBe(e?.requested ?? "0.00");
      expect(r.recommended).toBe(e?.recommended ?? "0.00");
    }
    const y2022 = rows.find((r) => r.year === 2022)!;
    const cut = fenToYuanString(toFen(y2022.requested) - toFen(y2022.recommended));
    expect([
      y2022.projects,
      inUnit(y2022.requested, "yi"),
      inUnit(cut, "yi"),
      ratePercent(cut, y2022.requested),
    ]).toEqual([68, "43.52", "7.13", "16.39"]);
  });
});
