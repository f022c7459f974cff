import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { drawCandidates } from "@/features/sampling/draw-inputs";
import { drawSample } from "@/features/sampling/rules";
import { db, queryRows } from "@/server/db";
import { evaluations, projects } from "@/server/schema";
import { signedIn } from "../factories/users";

// The draw's database inputs: "last year's 差" is found by unit and name without the year prefix.
class Rollback extends Error {}

describe("draw candidates", () => {
  it("marks a project whose namesake of last year in the same unit was self-graded 差, and the draw must include it", async () => {
    const admin = await signedIn("finance_admin");
    const [fail] = await queryRows<{ id: string; name: string; unitId: string; departmentId: string }>(
      db,
      sql`select p.id, p.name, p.unit_id as "unitId", p.department_id as "departmentId"
          from evaluations e join projects p on p.id = e.project_id
          where e.type = 'SELF' and e.grade = 'FAIL' and p.year = 2020 order by p.code limit 1`,
    );
    expect(fail?.name).toMatch(/^2020年/);
    const base = fail!.name.replace(/^2020年/, "");
    let checked = false;
    await db
      .transaction(async (tx) => {
        const make = async (name: string, unitId: string, code: string) => {
          const [p] = await tx
            .insert(projects)
            .values({
              year: 2021,
              code,
              name,
              unitId,
              departmentId: fail!.departmentId,
              kind: "DEPT_SPECIAL",
              novelty: "CONTINUING",
              duration: "RECURRING",
              requestedAmount: "100000",
              budgetCurrent: "100000",
              executedCurrent: "90000",
              stage: "BUDGETED",
            })
            .returning({ id: projects.id });
          await tx
            .insert(evaluations)
            .values({ type: "SELF", year: 2021, projectId: p!.id, status: "SUBMITTED" });
          return p!.id;
        };
        const same = await make(`2021年${base}`, fail!.unitId, "2021-TST-0001");
        const otherName = await make(`2021年${base}（续）`, fail!.unitId, "2021-TST-0002");
        const candidates = await drawCandidates(tx, 2021, admin);
        const byId = new Map(candidates.map((c) => [c.projectId, c]));
        expect(byId.get(same)?.lastYearFail).toBe(true);
        expect(byId.get(otherName)?.lastYearFail).toBe(false);
        const drawn = drawSample({
          candidates,
          sampleSize: 1,
          seed: 7,
          minAmountFen: null,
          includeLastYearFail: true,
          includeRedWarnings: false,
          redWarningIds: new Set(),
        });
        expect(drawn.ok && drawn.selections).toEqual([
          { projectId: same, reason: "LAST_YEAR_FAIL", stratum: expect.stringMatching(/:B1$/) },
        ]);
        checked = true;
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
    expect(checked).toBe(true);
    const left = await db
      .select()
      .from(projects)
      .where(and(eq(projects.year, 2021), eq(projects.code, "2021-TST-0001")));
    expect(left).toEqual([]);
  });
});
