import "server-only";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { toFen } from "@/domain/money";
import type { DbOrTx } from "@/server/db";
import { evaluations, organisations, projects } from "@/server/schema";
import type { DrawCandidate } from "./rules";

// The draw's inputs as read from the database; the draw itself is the pure rules.drawSample.

const FILED = ["SUBMITTED", "DEPT_APPROVED", "RECEIVED"] as const;
const lastYear = alias(projects, "last_year");
const lastSelf = alias(evaluations, "last_self");

/**
 * The year's filed self-evaluations not yet sampled by a started batch, with the project's department,
 * 全年预算数 and whether last year's project of the same unit and name was self-graded 差 (the name
 * is compared without its year prefix, as rules.nameWithoutYear does).
 */
export async function drawCandidates(db: DbOrTx, year: number): Promise<DrawCandidate[]> {
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
        select 1 from ${lastYear} join ${lastSelf} on ${lastSelf.projectId} = ${lastYear.id} and ${lastSelf.type} = 'SELF'
        where ${lastYear.year} = ${projects.year} - 1 and ${lastYear.unitId} = ${projects.unitId}
          and regexp_replace(${lastYear.name}, '^[0-9]{4}\\s*年(度)?\\s*', '') = regexp_replace(${projects.name}, '^[0-9]{4}\\s*年(度)?\\s*', '')
          and ${lastSelf.grade} = 'FAIL')`,
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
