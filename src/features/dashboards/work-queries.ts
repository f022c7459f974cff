import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { bureauDate } from "@/domain/rectification";
import { COLOUR, EXECUTED, FILED as MONITORING_FILED, REPORT_FROM } from "@/features/monitoring/sql";
import { rectificationScope } from "@/features/rectification/scope";
import { db as defaultDb, queryRows, type DbOrTx } from "@/server/db";
import { projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";

// The department dashboard's work lists: what waits on the user (with deadlines), what came back to
// them and why, their projects' warnings, and the results finance and agencies gave them. Every list
// is scoped in SQL: a filer's unit, an approver's department (projectScope, rectificationScope).

type Reader = Pick<CurrentUser, "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;

export const TODO_KINDS = [
  "RECTIFICATION",
  "NOTICE",
  "MONITORING",
  "SELF",
  "TARGETS",
  "PRE_ASSESSMENT",
  "PROJECT",
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export type TodoRow = {
  kind: TodoKind;
  id: string;
  title: string;
  code: string | null;
  deadline: string | null;
  status: string;
  href: string;
  overdue: boolean;
};
export type TodoCount = { kind: TodoKind; total: number; overdue: number };

const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/**
 * What the user acts on next: a filer fills (draft, returned, not filed), an approver reviews what
 * its units submitted; both answer rectification items and monitoring notices. Deadlines come from
 * the item, the notice, the monitoring round or the self-evaluation round.
 */
function todoSource(user: Reader): SQL {
  const filer = user.role === "DEPT_FILER";
  const fill = filer ? ["DRAFT", "RETURNED"] : ["SUBMITTED"];
  const monitoringFill = filer ? ["NOT_FILED", "DRAFT", "RETURNED"] : ["SUBMITTED"];
  const scope = projectScope(user);
  const today = bureauDate(new Date());
  return sql`(
    select 'RECTIFICATION' as kind, rectification_items.id::text as id, rectification_items.problem as title, projects.code as code,
      rectification_items.deadline::text as deadline, rectification_items.status::text as status, '/rectification/' || rectification_items.id as href
    from rectification_items left join projects on projects.id = rectification_items.project_id
    where ${rectificationScope(user)}
      and (rectification_items.status = 'OPEN' or (rectification_items.status <> 'CLOSED' and rectification_items.deadline < ${today}))
    union all
    select 'NOTICE', n.id::text, projects.name, projects.code, n.due_date::text, n.status::text,
      '/monitoring/reports/' || n.report_id
    from monitoring_notices n join projects on projects.id = n.project_id
    where n.status = 'OPEN' and ${scope}
    union all
    select 'MONITORING', r.id::text, projects.name, projects.code, rd.due_date::text, r.status::text,
      '/monitoring/reports/' || r.id
    from monitoring_reports r join projects on projects.id = r.project_id
      join monitoring_rounds rd on rd.id = r.round_id
    where r.status in (${list(monitoringFill)}) and ${scope}
    union all
    select 'SELF', e.id::text, projects.name, projects.code, er.due_date::text, e.status::text,
      '/self-evaluations/' || projects.id
    from evaluations e join projects on projects.id = e.project_id
      left join lateral (select due_date from evaluation_rounds er where er.type = 'SELF' and er.year = e.year
        and (er.district_id = projects.district_id or er.district_id is null)
        order by er.district_id nulls last limit 1) er on true
    where e.type = 'SELF' and e.status in (${list(fill)}) and ${scope}
    union all
    select 'TARGETS', s.id::text, projects.name, projects.code, null, s.status::text, '/targets/' || projects.id
    from target_sheets s join projects on projects.id = s.project_id
    where s.status in (${list(fill)}) and ${scope}
    union all
    select 'PRE_ASSESSMENT', pa.id::text, projects.name, projects.code, null, pa.status::text,
      '/pre-assessments/' || projects.id
    from pre_assessments pa join projects on projects.id = pa.project_id
    where pa.status in (${list(fill)}) and ${scope}
    ${
      filer
        ? sql`union all
    select 'PROJECT', projects.id::text, projects.name, projects.code, null, projects.stage::text,
      '/projects/' || projects.id
    from projects where projects.stage = 'DRAFT' and ${scope}`
        : sql``
    }
  ) todo`;
}

/**
 * The user's to-dos: overdue first (red on the dashboard), then by deadline, undated last; and the
 * count per kind, so the card can say how many of each wait and link to their lists.
 */
export async function workTodos(
  user: Reader,
  limit = 10,
): Promise<{ rows: TodoRow[]; counts: TodoCount[]; total: number; overdue: number }> {
  const db = defaultDb;
  if (user.role !== "DEPT_FILER" && user.role !== "DEPT_APPROVER")
    return { rows: [], counts: [], total: 0, overdue: 0 };
  const today = bureauDate(new Date());
  const overdue = sql`(todo.deadline is not null and todo.deadline < ${today})`;
  const [rows, counts] = await Promise.all([
    queryRows<TodoRow>(
      db,
      sql`select todo.*, ${overdue} as overdue from ${todoSource(user)}
          order by ${overdue} desc, todo.deadline asc nulls last,
            array_position(array[${list([...TODO_KINDS])}]::text[], todo.kind), todo.code, todo.id
          limit ${limit}`,
    ),
    queryRows<TodoCount>(
      db,
      sql`select todo.kind, count(*)::int as total, count(*) filter (where ${overdue})::int as overdue
          from ${todoSource(user)} group by todo.kind`,
    ),
  ]);
  const order = (k: TodoKind) => TODO_KINDS.indexOf(k);
  counts.sort((a, b) => order(a.kind) - order(b.kind));
  return {
    rows,
    counts,
    total: counts.reduce((s, c) => s + c.total, 0),
    overdue: counts.reduce((s, c) => s + c.overdue, 0),
  };
}

export const RETURNED_KINDS = ["TARGETS", "SELF", "PRE_ASSESSMENT", "MONITORING"] as const;
export type ReturnedKind = (typeof RETURNED_KINDS)[number];
export type ReturnedRow = {
  kind: ReturnedKind;
  id: string;
  projectName: string;
  code: string;
  unitName: string;
  reason: string;
  returnedAt: string | null;
  href: string;
};

/** Sheets, self-evaluations, pre-assessments and monitoring reports sent back, with the latest reason. */
export async function returnedItems(
  user: Reader,
  limit = 6,
  db: DbOrTx = defaultDb,
): Promise<{ rows: ReturnedRow[]; total: number }> {
  const scope = projectScope(user);
  const source = sql`(
    select 'TARGETS' as kind, s.id::text as id, s.project_id,
      (select t.comment from target_sheet_transitions t where t.sheet_id = s.id and t.to_status = 'RETURNED'
        order by t.created_at desc limit 1) as reason,
      (select max(t.created_at) from target_sheet_transitions t where t.sheet_id = s.id and t.to_status = 'RETURNED') as at,
      '/targets/' || s.project_id as href
    from target_sheets s where s.status = 'RETURNED'
    union all
    select 'SELF', e.id::text, e.project_id,
      (select t.comment from evaluation_transitions t where t.evaluation_id = e.id and t.to_status = 'RETURNED'
        order by t.created_at desc limit 1),
      (select max(t.created_at) from evaluation_transitions t where t.evaluation_id = e.id and t.to_status = 'RETURNED'),
      '/self-evaluations/' || e.project_id
    from evaluations e where e.type = 'SELF' and e.status = 'RETURNED'
    union all
    select 'PRE_ASSESSMENT', pa.id::text, pa.project_id,
      (select h.comment from pre_assessment_history h where h.pre_assessment_id = pa.id and h.to_status = 'RETURNED'
        order by h.at desc limit 1),
      (select max(h.at) from pre_assessment_history h where h.pre_assessment_id = pa.id and h.to_status = 'RETURNED'),
      '/pre-assessments/' || pa.project_id
    from pre_assessments pa where pa.status = 'RETURNED'
    union all
    select 'MONITORING', r.id::text, r.project_id,
      (select t.comment from monitoring_report_transitions t where t.report_id = r.id and t.to_status = 'RETURNED'
        order by t.created_at desc limit 1),
      (select max(t.created_at) from monitoring_report_transitions t where t.report_id = r.id and t.to_status = 'RETURNED'),
      '/monitoring/reports/' || r.id
    from monitoring_reports r where r.status = 'RETURNED'
  ) x join projects on projects.id = x.project_id join organisations u on u.id = projects.unit_id`;
  const [rows, [count]] = await Promise.all([
    queryRows<ReturnedRow>(
      db,
      sql`select x.kind, x.id, projects.name as "projectName", projects.code, u.name as "unitName",
            coalesce(x.reason, '') as reason, x.at::text as "returnedAt", x.href
          from ${source} where ${scope}
          order by x.at desc nulls last, projects.code limit ${limit}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${source} where ${scope}`),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export type WarningRow = {
  reportId: string;
  projectId: string;
  code: string;
  name: string;
  unitName: string;
  roundName: string;
  colour: "RED" | "YELLOW";
  budget: string;
  executed: string;
};

/**
 * The year's red and yellow projects by their latest filed monitoring report (the same rule as the
 * finance dashboard's chain): red first, then the lowest execution.
 */
export async function warningProjects(
  user: Reader,
  year: number,
  limit = 8,
): Promise<{ rows: WarningRow[]; red: number; yellow: number }> {
  const db = defaultDb;
  const latest = sql`latest as (
    select distinct on (r.project_id) r.id as report_id, r.project_id, ${COLOUR} as colour,
      ${EXECUTED}::numeric(18,2)::text as executed,
      (projects.budget_current + projects.budget_carryover + projects.budget_other)::numeric(18,2)::text as budget,
      rd.name as round_name
    from ${REPORT_FROM}
    where rd.year = ${year} and ${MONITORING_FILED} and ${projectScope(user)}
    order by r.project_id, rd.period_months desc
  )`;
  const [rows, [counts]] = await Promise.all([
    queryRows<WarningRow>(
      db,
      sql`with ${latest}
          select l.report_id as "reportId", p.id as "projectId", p.code, p.name, u.name as "unitName",
            l.round_name as "roundName", l.colour, l.budget, l.executed
          from latest l join projects p on p.id = l.project_id join organisations u on u.id = p.unit_id
          where l.colour in ('RED', 'YELLOW')
          order by (l.colour = 'RED') desc, l.executed::numeric / nullif(l.budget::numeric, 0), p.code
          limit ${limit}`,
    ),
    queryRows<{ red: number; yellow: number }>(
      db,
      sql`with ${latest}
          select count(*) filter (where colour = 'RED')::int as red,
            count(*) filter (where colour = 'YELLOW')::int as yellow from latest`,
    ),
  ]);
  return { rows, red: Number(counts?.red ?? 0), yellow: Number(counts?.yellow ?? 0) };
}

export type ResultRow = {
  id: string;
  type: "KEY" | "THIRD_PARTY";
  projectId: string;
  code: string;
  name: string;
  score: string | null;
  grade: "EXCELLENT" | "GOOD" | "PASS" | "FAIL" | null;
  completedAt: string | null;
};

/** 财政重点评价 and 第三方评价 results on the user's projects of the year, once settled. */
export async function evaluationResults(user: Reader, year: number, limit = 6): Promise<ResultRow[]> {
  return queryRows<ResultRow>(
    defaultDb,
    sql`select e.id, e.type, projects.id as "projectId", projects.code, projects.name,
          e.total_score::text as score, e.grade, e.completed_at::text as "completedAt"
        from evaluations e join projects on projects.id = e.project_id
        where e.type in ('KEY', 'THIRD_PARTY') and e.status = 'SETTLED' and e.year = ${year}
          and ${projectScope(user)}
        order by e.completed_at desc nulls last, projects.code
        limit ${limit}`,
  );
}
