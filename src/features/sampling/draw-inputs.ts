import "server-only";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { toFen } from "@/domain/money";
import type { DbOrTx } from "@/server/db";
import { projectScope, type ScopeUser } from "@/server/scope";
import { evaluations, organisations, projects } from "@/server/schema";
import type { DrawCandidate } from "./rules";

// The draw's inputs as read from the database; the draw itself is the pure rules.drawSample.

const FILED = ["SUBMITTED", "DEPT_APPROVED", "RECEIVED"] as const;
// The same prefix rules.nameWithoutYear strips, as a PostgreSQL regular expression.
const YEAR_PREFIX = "^[0-9]{4}\\s*年(度)?\\s*";

/**
 * The year's filed self-evaluations of the user's district not yet sampled by a started batch, with the project's department,
 * 全年预算数 and whether last year's project of the same unit and name was self-graded 差 (the name
 * is compared without its year prefix, as rules.nameWithoutYear does).
 */
export async function drawCandidates(db: DbOrTx, year: number, user: ScopeUser): Promise<DrawCandidate[]> {
  const sampled = db
    .select({ id: evaluations.projectId })
    .from(evaluations)
    .where(and(eq(evaluations.type, "SAMPLED"), eq(evaluations.year, year)));
  const rows = await db
    .select({
      projectId: projects.id,
      code: projects.code,
      departmentCode: organisations.code,
      budget: sql<string>`(${projects.budgetCurrent} + ${projects.budgetCarryover} + ${projects.budgetOther})::text`,
      lastYearFail: sql<boolean>`exists (
        select 1 from ${projects} last_year
        join ${evaluations} last_self on last_self.project_id = last_year.id and last_self.type = 'SELF'
        where last_year.year = ${projects.year} - 1 and last_year.unit_id = ${projects.unitId}
          and regexp_replace(last_year.name, ${YEAR_PREFIX}, '') = regexp_replace(${projects.name}, ${YEAR_PREFIX}, '')
          and last_self.grade = 'FAIL')`,
    })
    .from(evaluations)
    .innerJoin(projects, eq(projects.id, evaluations.projectId))
    .innerJoin(organisations, eq(organisations.id, projects.departmentId))
    .where(
      and(
        eq(evaluations.type, "SELF"),
        eq(projects.year, year),
        inArray(evaluations.status, [...FILED]),
        notInArray(projects.id, sampled),
        // The drawing administrator's district (the province for a province-level one).
        projectScope(user),
      ),
    );
  return rows.map((r) => ({
    projectId: r.projectId,
    code: r.code,
    departmentCode: r.departmentCode,
    budgetFen: toFen(r.budget),
    lastYearFail: Boolean(r.lastYearFail),
  }));
}
