import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db, queryRows } from "@/server/db";
import { fiscalYears, monitoringRounds, organisations } from "@/server/schema";
import { applicableRecords, departmentScope, projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import type { ReportStatus, WarningColour } from "./constants";
import { bureauToday } from "./rules";
import { COLOUR, EXECUTED, BUDGET, FILED, FLAGGED, REPORT_FROM } from "./sql";

// Reads of rounds and report lists, scoped to the user.

type Reader = Pick<CurrentUser, "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;
export const REPORTS_PAGE_SIZE = 25;

type Progress = { total: number; filed: number; notFiled: number; overdue: number };
type Awaiting = { awaitingDept: number; awaitingFinance: number };
const progressCols = (today: string) => sql`count(*)::int as total,
  count(*) filter (where ${FILED})::int as filed,
  count(*) filter (where not ${FILED})::int as "notFiled",
  count(*) filter (where not ${FILED} and rd.due_date < ${today}::date)::int as overdue`;

/**
 * The rounds that apply to the user (their district's and the province's; every one for the
 * province), newest first, with the progress of the reports in the user's scope.
 */
export async function listRounds(user: Reader) {
  return queryRows<
    { id: string; year: number; name: string; periodMonths: number; dueDate: string } & Progress & Awaiting
  >(
    db,
    sql`select rd.id, rd.year, rd.name, rd.period_months as "periodMonths", rd.due_date::text as "dueDate",
          ${progressCols(bureauToday())},
          count(*) filter (where r.status = 'SUBMITTED')::int as "awaitingDept",
          count(*) filter (where r.status = 'DEPT_APPROVED')::int as "awaitingFinance"
        from ${REPORT_FROM} where ${projectScope(user)} and ${applicableRecords(user, sql.raw("rd.district_id"))}
        group by rd.id order by rd.year desc, rd.created_at desc`,
  );
}

export async function getRound(user: Reader, id: string) {
  const [round] = await db
    .select()
    .from(monitoringRounds)
    .where(and(eq(monitoringRounds.id, id), applicableRecords(user, monitoringRounds.districtId)));
  if (!round) return null;
  const byDepartment = await queryRows<{ id: string; name: string } & Progress>(
    db,
    sql`select d.id, d.name, ${progressCols(bureauToday())}
        from ${REPORT_FROM} join organisations d on d.id = r.department_id
        where r.round_id = ${id} and ${projectScope(user)}
        group by d.id, d.name, d.sort_order order by d.sort_order`,
  );
  // A round with nothing in the user's scope reads as not found.
  if (byDepartment.length === 0) return null;
  return { round, byDepartment };
}

export type ReportListFilters = {
  status?: ReportStatus;
  colour?: WarningColour;
  dept?: string;
  flagged?: boolean;
  filedOnly?: boolean;
  q?: string;
  /** 行政区划 picked by a province-level user: carried in links; the reader is narrowed to it. */
  district?: string;
  page: number;
};

export type ReportRow = {
  id: string;
  projectId: string;
  code: string;
  name: string;
  unitName: string;
  departmentName: string;
  status: ReportStatus;
  executed: string;
  budget: string;
  periodMonths: number;
  colour: WarningColour | null;
  flagged: number;
  openNotices: number;
  roundName: string;
};

/** Reports of a round (or of every round) in the user's scope, filtered, one page and the total. */
export async function listReports(user: Reader, roundId: string | null, f: ReportListFilters) {
  const where = sql.join(
    [
      projectScope(user),
      roundId ? sql`r.round_id = ${roundId}` : undefined,
      f.status ? sql`r.status = ${f.status}` : undefined,
      f.filedOnly ? FILED : undefined,
      f.colour ? sql`${COLOUR} = ${f.colour}` : undefined,
      f.dept ? sql`r.department_id = ${f.dept}` : undefined,
      f.flagged ? sql`${FLAGGED} > 0` : undefined,
      f.q
        ? sql`(projects.name ilike ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} or projects.code = ${f.q})`
        : undefined,
    ].filter((c) => c !== undefined),
    sql` and `,
  );
  const [rows, [count]] = await Promise.all([
    queryRows<ReportRow>(
      db,
      sql`select r.id, r.project_id as "projectId", projects.code, projects.name, u.name as "unitName",
            d.name as "departmentName", r.status, ${EXECUTED}::text as executed, ${BUDGET}::text as budget,
            rd.period_months as "periodMonths", rd.name as "roundName", ${COLOUR} as colour, ${FLAGGED} as flagged,
            (select count(*)::int from monitoring_notices n where n.report_id = r.id and n.status <> 'CLOSED') as "openNotices"
          from ${REPORT_FROM}
          join organisations u on u.id = projects.unit_id join organisations d on d.id = r.department_id
          where ${where} order by projects.code, rd.created_at desc
          limit ${REPORTS_PAGE_SIZE} offset ${(f.page - 1) * REPORTS_PAGE_SIZE}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${REPORT_FROM} where ${where}`),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function departmentOptions(user: Reader) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(departmentScope(user))
    .orderBy(asc(organisations.sortOrder));
}

export async function yearOptions() {
  const rows = await db.select({ year: fiscalYears.year }).from(fiscalYears).orderBy(desc(fiscalYears.year));
  return rows.map((r) => r.year);
}

/** One report's page: the report, its project and round, indicators with progress, history, notices. */
