import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { EvaluationType, Grade } from "@/domain/evaluation";
import { db as defaultDb, queryRows, type DbOrTx } from "@/server/db";
import { projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { decidedCte } from "./sql";

// 结果应用 reads. Computed when read from the deciding evaluation and the year's settings (plus what
// finance decided), so a key or third-party evaluation settled later, or a changed setting, shows at
// once; nothing to regenerate. Scope: the projects the user may read.

type Reader = Pick<CurrentUser, "role" | "orgId" | "districtId" | "provinceWide">;
export const RESULTS_PAGE_SIZE = 25;

export type ResultRow = {
  projectId: string;
  code: string;
  name: string;
  departmentName: string;
  evaluationId: string;
  type: EvaluationType;
  grade: Grade;
  totalScore: string | null;
  budget: string;
  rulePercent: number;
  adjustedPercent: number | null;
  percent: number;
  suggested: string;
  adjustReason: string | null;
  accountability: string | null;
  disclosed: boolean | null;
  raVersion: number | null;
};

const cols = sql`s.project_id as "projectId", s.code, s.name, d.name as "departmentName",
  s.evaluation_id as "evaluationId", s.type, s.grade, s.total_score::text as "totalScore",
  s.budget::text as budget, s.rule_percent as "rulePercent", s.adjusted_percent as "adjustedPercent",
  s.percent, s.suggested::text as suggested, s.adjust_reason as "adjustReason",
  s.accountability, s.disclosed, s.ra_version as "raVersion"`;

// projectScope is written against the projects table: the rows are joined back to it as "projects".
const scoped = (user: Reader) =>
  sql`exists (select 1 from projects where projects.id = s.project_id and ${projectScope(user)})`;

export type ResultFilters = { dept?: string; grade?: Grade; page: number };

export async function listResults(user: Reader, year: number, f: ResultFilters, db: DbOrTx = defaultDb) {
  const where: SQL = sql`${scoped(user)}
    ${f.dept ? sql`and s.department_id = ${f.dept}` : sql``}
    ${f.grade ? sql`and s.grade = ${f.grade}` : sql``}`;
  const [rows, [count]] = await Promise.all([
    queryRows<ResultRow>(
      db,
      sql`with ${decidedCte(year)} select ${cols} from suggested s join organisations d on d.id = s.department_id
          where ${where} order by d.sort_order, s.code limit ${RESULTS_PAGE_SIZE} offset ${(f.page - 1) * RESULTS_PAGE_SIZE}`,
    ),
    queryRows<{ n: number }>(
      db,
      sql`with ${decidedCte(year)} select count(*)::int as n from suggested s where ${where}`,
    ),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function resultsExportRows(user: Reader, year: number, db: DbOrTx = defaultDb) {
  return queryRows<ResultRow>(
    db,
    sql`with ${decidedCte(year)} select ${cols} from suggested s join organisations d on d.id = s.department_id
        where ${scoped(user)} order by d.sort_order, s.code`,
  );
}

export type SummaryRow = {
  departmentId: string;
  departmentName: string;
  projects: number;
  budget: string;
  suggested: string;
  change: string;
  excellent: number;
  good: number;
  pass: number;
  fail: number;
};

/** Suggested changes by department (yuan as exact decimals; shown in 万元). */
export async function summaryByDepartment(user: Reader, year: number, db: DbOrTx = defaultDb) {
  return queryRows<SummaryRow>(
    db,
    sql`with ${decidedCte(year)}
        select d.id as "departmentId", d.name as "departmentName", count(*)::int as projects,
          sum(s.budget)::text as budget, sum(s.suggested)::text as suggested,
          (sum(s.suggested) - sum(s.budget))::text as change,
          count(*) filter (where s.grade = 'EXCELLENT')::int as excellent,
          count(*) filter (where s.grade = 'GOOD')::int as good,
          count(*) filter (where s.grade = 'PASS')::int as pass,
          count(*) filter (where s.grade = 'FAIL')::int as fail
        from suggested s join organisations d on d.id = s.department_id
        where ${scoped(user)}
        group by d.id, d.name, d.sort_order order by d.sort_order`,
  );
}

/** One project's result (for its own page), or null when it has no completed evaluation. */
export async function resultOfProject(user: Reader, projectId: string, db: DbOrTx = defaultDb) {
  const [p] = await queryRows<{ year: number }>(db, sql`select year from projects where id = ${projectId}`);
  if (!p) return null;
  const [row] = await queryRows<ResultRow>(
    db,
    sql`with ${decidedCte(p.year)} select ${cols} from suggested s join organisations d on d.id = s.department_id
        where s.project_id = ${projectId} and ${scoped(user)}`,
  );
  return row ?? null;
}

export type PreviousResult = ResultRow & { year: number; currentId: string };

/**
 * Last year's result of next-year projects, through the predecessor link: for each given project
 * (of year Y) whose predecessor (of year Y-1) has a completed evaluation.
 */
export async function previousResults(user: Reader, projectIds: string[], db: DbOrTx = defaultDb) {
  if (projectIds.length === 0) return new Map<string, PreviousResult>();
  const links = await queryRows<{ id: string; predecessorId: string; year: number }>(
    db,
    sql`select c.id, c.predecessor_id as "predecessorId", pr.year from projects c
        join projects pr on pr.id = c.predecessor_id
        where c.id in (${sql.join(
          projectIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
  const out = new Map<string, PreviousResult>();
  const byYear = new Map<number, typeof links>();
  for (const l of links) byYear.set(l.year, [...(byYear.get(l.year) ?? []), l]);
  for (const [year, ls] of byYear) {
    const rows = await queryRows<ResultRow>(
      db,
      sql`with ${decidedCte(year)} select ${cols} from suggested s join organisations d on d.id = s.department_id
          where s.project_id in (${sql.join(
            ls.map((l) => sql`${l.predecessorId}::uuid`),
            sql`, `,
          )}) and ${scoped(user)}`,
    );
    for (const r of rows) {
      const l = ls.find((x) => x.predecessorId === r.projectId)!;
      out.set(l.id, { ...r, year, currentId: l.id });
    }
  }
  return out;
}

/** The budget years that have completed evaluations, newest first. */
export async function resultYears(db: DbOrTx = defaultDb) {
  const rows = await queryRows<{ year: number }>(
    db,
    sql`select distinct e.year from evaluations e where e.project_id is not null and e.grade is not null
        and ((e.type in ('KEY', 'THIRD_PARTY', 'SAMPLED') and e.status = 'SETTLED') or (e.type = 'SELF' and e.status = 'RECEIVED'))
        order by e.year desc`,
  );
  return rows.map((r) => r.year);
}
