import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { executionPoints, gradeOf, toHundredths } from "@/domain/evaluation";
import { inUnit, toFen } from "@/domain/money";
import { listBatches } from "@/features/sampling/queries";
import { drawSample } from "@/features/sampling/rules";
import { db, queryRows } from "@/server/db";
import { samplingBatches, samplingFeedback } from "@/server/schema";
import { SAMPLING_2020 } from "@/server/seed/sampling";
import { signedIn } from "../factories/users";

describe("the seeded 2020 集中抽评 (SPEC §10)", () => {
  it("holds 124 projects in 4 groups with funds of 8.40 亿元 from the stored amounts", async () => {
    const [batch] = await db.select().from(samplingBatches).where(eq(samplingBatches.year, 2020));
    expect(batch?.id).toBe(SAMPLING_2020.id);
    const [row] = await queryRows<{ projects: number; groups: number; funds: string }>(
      db,
      sql`select count(*)::int as projects, count(distinct s.group_id)::int as groups,
            sum(p.budget_current + p.budget_carryover + p.budget_other)::text as funds
          from sampling_selections s join projects p on p.id = s.project_id
          where s.batch_id = ${SAMPLING_2020.id}`,
    );
    expect(row?.projects).toBe(124);
    expect(row?.groups).toBe(4);
    expect(inUnit(row!.funds, "yi", 2)).toBe("8.40");
    expect(batch?.status).toBe("CLOSED");
    expect(batch?.sampleSize).toBe(124);
    expect(batch?.groupCount).toBe(4);
    // The list finance sees shows the same figures.
    const listed = (await listBatches(await signedIn("finance_admin"), 2020)).find((b) => b.id === batch?.id);
    expect(inUnit(listed!.funds, "yi", 2)).toBe("8.40");
    expect(listed?.settled).toBe(124);
  });

  it("is the draw of its recorded inputs over the stored self-evaluations", async () => {
    const [batch] = await db.select().from(samplingBatches).where(eq(samplingBatches.id, SAMPLING_2020.id));
    // The candidates as finance saw them before any 2020 batch started: every filed 2020 self-evaluation.
    const all = await queryRows<{ projectId: string; code: string; dept: string; budget: string }>(
      db,
      sql`select p.id as "projectId", p.code, o.code as dept,
            (p.budget_current + p.budget_carryover + p.budget_other)::text as budget
          from evaluations e join projects p on p.id = e.project_id
          join organisations o on o.id = p.department_id
          where e.type = 'SELF' and p.year = 2020 and e.status in ('SUBMITTED', 'DEPT_APPROVED', 'RECEIVED')`,
    );
    expect(all).toHaveLength(batch!.populationSize);
    const stored = await queryRows<{ projectId: string; reason: string; stratum: string }>(
      db,
      sql`select project_id as "projectId", reason, stratum from sampling_selections
          where batch_id = ${SAMPLING_2020.id}`,
    );
    const candidates = all.map((c) => ({
      projectId: c.projectId,
      code: c.code,
      departmentCode: c.dept,
      budgetFen: toFen(c.budget),
      lastYearFail: false,
    }));
    const again = drawSample({
      candidates,
      sampleSize: batch!.sampleSize,
      seed: batch!.seed,
      minAmountFen: batch!.minAmount ? toFen(batch!.minAmount) : null,
      includeLastYearFail: batch!.includeLastYearFail,
      includeRedWarnings: batch!.includeRedWarnings,
      redWarningIds: new Set(),
    });
    if (!again.ok) throw new Error(again.error);
    const key = (x: { projectId: string; reason: string; stratum: string }) =>
      `${x.projectId}|${x.reason}|${x.stratum}`;
    expect(again.selections.map(key).sort()).toEqual(stored.map(key).sort());
    expect(stored.some((s) => s.reason === "LARGE_AMOUNT")).toBe(true);
  });

  it("has every project settled by its group, a little below the units' own scores", async () => {
    const rows = await queryRows<{
      self: string;
      sampled: string;
      grade: string;
      status: string;
      budget: string;
      executed: string;
      lines: string;
    }>(
      db,
      sql`select se.total_score::text as self, e.total_score::text as sampled, e.grade, e.status,
            e.budget_total::text as budget, e.executed_total::text as executed,
            (select coalesce(sum(points), 0)::text from evaluation_scores where evaluation_id = e.id) as lines
          from evaluations e join evaluations se on se.project_id = e.project_id and se.type = 'SELF'
          where e.type = 'SAMPLED' and e.batch_id = ${SAMPLING_2020.id}`,
    );
    expect(rows).toHaveLength(124);
    let gap = 0;
    for (const r of rows) {
      expect(r.status).toBe("SETTLED");
      const total = executionPoints(toFen(r.budget), toFen(r.executed)) + toHundredths(r.lines)!;
      expect(toHundredths(r.sampled)).toBe(total);
      expect(r.grade).toBe(gradeOf(total));
      gap += toHundredths(r.self)! - total;
    }
    const averageGap = gap / rows.length / 100;
    expect(averageGap).toBeGreaterThan(2);
    expect(averageGap).toBeLessThan(8);
    // Not every project loses points: some sampled scores equal or exceed the self score.
    expect(rows.some((r) => toHundredths(r.sampled)! >= toHundredths(r.self)!)).toBe(true);
  });

  it("has feedback published to every department with sampled projects, a few acknowledged", async () => {
    const [row] = await queryRows<{ departments: number }>(
      db,
      sql`select count(distinct p.department_id)::int as departments from sampling_selections s
          join projects p on p.id = s.project_id where s.batch_id = ${SAMPLING_2020.id}`,
    );
    const feedback = await db
      .select()
      .from(samplingFeedback)
      .where(eq(samplingFeedback.batchId, SAMPLING_2020.id));
    expect(feedback).toHaveLength(row!.departments);
    expect(feedback.every((f) => f.status === "PUBLISHED" && f.problems && f.requirements)).toBe(true);
    const acknowledged = feedback.filter((f) => f.acknowledgedAt && f.acknowledgedBy).length;
    expect(acknowledged).toBeGreaterThan(0);
    expect(acknowledged).toBeLessThan(feedback.length);
  });
});
