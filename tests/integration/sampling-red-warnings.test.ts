import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { warningColour } from "@/features/monitoring/rules";
import { FILED, REPORT_FROM } from "@/features/monitoring/sql";
import { drawCandidates } from "@/features/sampling/draw-inputs";
import { redWarningProjectIds } from "@/features/sampling/queries";
import { drawSample } from "@/features/sampling/rules";
import { db, queryRows } from "@/server/db";
import { signedIn } from "../factories/users";

type Report = {
  project_id: string;
  executed: string | null;
  budget: string;
  months: number;
  red: number;
  yellow: number;
};

describe("集中抽评's must-include rule for 事中监控 red warnings", () => {
  it("takes the projects whose filed reports the warning rules colour red, and the draw puts every one in", async () => {
    // One snapshot for both readings: other test files may file reports meanwhile on a shared server.
    const admin = await signedIn("finance_admin");
    const { red, reports, candidates } = await db.transaction(
      async (tx) => ({
        red: await redWarningProjectIds(tx, 2020),
        reports: await queryRows<Report>(
          tx,
          sql`select r.project_id,
                (r.executed_current + r.executed_carryover + r.executed_other)::text as executed,
                (projects.budget_current + projects.budget_carryover + projects.budget_other)::text as budget,
                rd.period_months as months, fy.warning_red as red, fy.warning_yellow as yellow
              from ${REPORT_FROM} where rd.year = 2020 and ${FILED}`,
        ),
        candidates: await drawCandidates(tx, 2020, admin),
      }),
      { isolationLevel: "repeatable read" },
    );
    const expected = new Set(
      reports
        .filter((r) => r.executed !== null && warningColour(r.executed, r.budget, r.months, r) === "RED")
        .map((r) => r.project_id),
    );
    expect(expected.size).toBeGreaterThan(0);
    expect(red).toEqual(expected);

    const inPopulation = candidates.filter((c) => red.has(c.projectId)).map((c) => c.projectId);
    const drawn = drawSample({
      candidates,
      sampleSize: inPopulation.length + 10,
      seed: 7,
      minAmountFen: null,
      includeLastYearFail: false,
      includeRedWarnings: true,
      redWarningIds: red,
    });
    if (!drawn.ok) throw new Error(drawn.error);
    const mustIn = drawn.selections.filter((s) => s.reason === "RED_WARNING").map((s) => s.projectId);
    expect(new Set(mustIn)).toEqual(new Set(inPopulation));
    expect(drawn.selections).toHaveLength(inPopulation.length + 10);
  });
});
