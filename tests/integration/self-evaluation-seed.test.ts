import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { executionPoints, gradeOf, toHundredths } from "@/domain/evaluation";
import { toFen } from "@/domain/money";
import { queryRows, db } from "@/server/db";
import { evaluations, evaluationScores, projects } from "@/server/schema";

describe("the seeded 2020 self-evaluations (SPEC §10)", () => {
  it("covers 1,317 of 1,317 projects, each filed", async () => {
    const [row] = await queryRows<{ projects: number; filed: number }>(
      db,
      sql`
      select count(*)::int as projects,
             count(e.id) filter (where e.status not in ('DRAFT', 'RETURNED'))::int as filed
      from projects p left join evaluations e on e.project_id = p.id and e.type = 'SELF'
      where p.year = 2020`,
    );
    expect(row).toEqual({ projects: 1317, filed: 1317 });
  });

  it("stores totals and grades that the scoring functions give from the stored lines", async () => {
    const rows = await db
      .select({
        id: evaluations.id,
        total: evaluations.totalScore,
        grade: evaluations.grade,
        budget: evaluations.budgetTotal,
        executed: evaluations.executedTotal,
        lines: sql<string>`(select coalesce(sum(${evaluationScores.points}), 0)::text from ${evaluationScores} where ${evaluationScores.evaluationId} = ${evaluations.id})`,
        over: sql<number>`(select count(*)::int from ${evaluationScores} where ${evaluationScores.evaluationId} = ${evaluations.id} and ${evaluationScores.points} > ${evaluationScores.maxPoints})`,
      })
      .from(evaluations)
      .innerJoin(projects, eq(projects.id, evaluations.projectId))
      .where(and(eq(evaluations.type, "SELF"), eq(projects.year, 2020)));
    expect(rows).toHaveLength(1317);
    for (const r of rows) {
      const total = executionPoints(toFen(r.budget!), toFen(r.executed!)) + Math.round(Number(r.lines) * 100);
      expect(toHundredths(r.total!)).toBe(total);
      expect(r.grade).toBe(gradeOf(total));
      expect(r.over).toBe(0);
    }
    // A realistic mix: mostly 优 and 良, some 中, a few 差.
    const share = (g: string) => rows.filter((r) => r.grade === g).length / rows.length;
    expect(share("EXCELLENT")).toBeGreaterThan(0.4);
    expect(share("GOOD")).toBeGreaterThan(0.2);
    expect(share("PASS")).toBeGreaterThan(0.03);
    expect(share("FAIL")).toBeGreaterThan(0);
    expect(share("FAIL")).toBeLessThan(0.05);
  });
});
