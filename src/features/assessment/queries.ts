import "server-only";
import { eq, sql } from "drizzle-orm";
import {
  ASSESSMENT_CRITERIA,
  rankByTotal,
  scorecard,
  WEIGHT_FIELD_OF,
  type AssessmentWeights,
  type CriterionCounts,
  type Scorecard,
} from "@/domain/assessment";
import { bureauDate } from "@/domain/rectification";
import { db as defaultDb, queryRows, type DbOrTx } from "@/server/db";
import { fiscalYears, projects } from "@/server/schema";
import { departmentScope, projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import {
  bureauDay,
  evaluationFirstSubmitted,
  ITEM_CLOSED_ON_TIME,
  ITEM_YEAR,
  itemCounted,
  NOTICE_ANSWERED_ON_TIME,
  noticeCounted,
  selfDueDate,
  SELF_FILED,
  SHEET_RETURNED,
  SHEET_SUBMITTED,
  targetDueEnd,
  targetFirstSubmitted,
} from "./sql";
import { rectificationScope } from "@/features/rectification/scope";

// 督考 scorecards: one aggregate over the year's records per department (in the user's department
// scope), then the arithmetic of src/domain/assessment.ts. A department user's scope is its own
// department, so another department's row is simply not there.

type Reader = Pick<CurrentUser, "id" | "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;

/** Department users read their own department's row and nothing of the others, not even its rank. */
export const ownRowOnly = (user: Pick<CurrentUser, "role">) =>
  user.role === "DEPT_APPROVER" || user.role === "DEPT_FILER";

/** The budget years that have projects, newest first. */
export async function assessmentYears(db: DbOrTx = defaultDb): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: projects.year })
    .from(projects)
    .orderBy(sql`${projects.year} desc`);
  return rows.map((r) => r.year);
}

/** The year's weights and target due month (null when the year does not exist). */
export async function assessmentSettings(
  year: number,
  db: DbOrTx = defaultDb,
): Promise<{ weights: AssessmentWeights; targetDueMonth: number } | null> {
  const [fy] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, year));
  if (!fy) return null;
  const weights = Object.fromEntries(
    ASSESSMENT_CRITERIA.map((c) => [c, fy[WEIGHT_FIELD_OF[c]]]),
  ) as AssessmentWeights;
  return { weights, targetDueMonth: fy.targetDueMonth };
}

type CountRow = {
  id: string;
  name: string;
  projects: number;
  targetsDue: boolean;
  selfDue: boolean;
  targetsOnTime: number;
  selfOnTime: number;
  selfFiled: number;
  sheetsSubmitted: number;
  sheetsReturned: number;
  sampled: number;
  gap: string | null;
  noticesCounted: number;
  noticesOnTime: number;
  itemsCounted: number;
  itemsOnTime: number;
};

export type ScorecardRow = Scorecard & {
  departmentId: string;
  name: string;
  projects: number;
  counts: CriterionCounts;
  rank: number | null;
};

function countsOf(r: CountRow): CriterionCounts {
  return {
    targetsOnTime: { done: r.targetsOnTime, of: r.targetsDue ? r.projects : 0 },
    selfOnTime: { done: r.selfOnTime, of: r.selfDue ? r.projects : 0 },
    coverage: { done: r.selfFiled, of: r.selfDue ? r.projects : 0 },
    targetQuality: { done: r.sheetsSubmitted - r.sheetsReturned, of: r.sheetsSubmitted },
    scoreGap: { of: r.sampled, gap: r.gap },
    notices: { done: r.noticesOnTime, of: r.noticesCounted },
    rectification: { done: r.itemsOnTime, of: r.itemsCounted },
  };
}

/**
 * The raw counts per department of the year, in one statement. `today` is the bureau's date: what is
 * not yet due is not counted (an open item before its deadline costs nothing).
 */
async function departmentCounts(
  user: Reader,
  year: number,
  today: string,
  db: DbOrTx,
  departmentId?: string,
): Promise<CountRow[]> {
  const n = (name: string) => sql.raw(`coalesce(${name}, 0)::int`);
  return queryRows<CountRow>(
    db,
    sql`with pc as (
          select projects.department_id as dept,
            count(*)::int as projects,
            count(*) filter (where ${bureauDay(targetFirstSubmitted(year))} < ${targetDueEnd(year)})::int as targets_on_time,
            count(*) filter (where ${bureauDay(evaluationFirstSubmitted("se"))} <= ${selfDueDate(year, sql.raw("projects.district_id"))})::int as self_on_time,
            count(*) filter (where ${SELF_FILED})::int as self_filed,
            count(*) filter (where sm.status = 'SETTLED')::int as sampled,
            (avg(se.total_score - sm.total_score) filter (where sm.status = 'SETTLED'))::numeric(6,2)::text as gap
          from projects
          left join evaluations se on se.project_id = projects.id and se.type = 'SELF'
          left join evaluations sm on sm.project_id = projects.id and sm.type = 'SAMPLED'
          where projects.year = ${year}::int
          group by projects.department_id
        ),
        sc as (
          select p.department_id as dept,
            count(*) filter (where ${SHEET_SUBMITTED})::int as submitted,
            count(*) filter (where ${SHEET_SUBMITTED} and ${SHEET_RETURNED})::int as returned
          from target_sheets s join projects p on p.id = s.project_id
          where s.year = ${year}::int
          group by p.department_id
        ),
        nc as (
          select p.department_id as dept,
            count(*) filter (where ${noticeCounted(today)})::int as counted,
            count(*) filter (where ${NOTICE_ANSWERED_ON_TIME})::int as on_time
          from monitoring_notices n
          join monitoring_reports r on r.id = n.report_id
          join monitoring_rounds rd on rd.id = r.round_id
          join projects p on p.id = n.project_id
          where rd.year = ${year}::int and n.kind = 'CORRECTION'
          group by p.department_id
        ),
        rc as (
          select ri.department_id as dept,
            count(*) filter (where ${itemCounted(today)})::int as counted,
            count(*) filter (where ${ITEM_CLOSED_ON_TIME})::int as on_time
          from rectification_items ri
          where ${ITEM_YEAR} = ${year}::int
          group by ri.department_id
        )
        select organisations.id, organisations.name, pc.projects,
          (${today}::date >= ${targetDueEnd(year)}) as "targetsDue",
          coalesce(${selfDueDate(year, sql.raw("organisations.district_id"))} < ${today}::date, false) as "selfDue",
          pc.targets_on_time as "targetsOnTime", pc.self_on_time as "selfOnTime", pc.self_filed as "selfFiled",
          ${n("sc.submitted")} as "sheetsSubmitted", ${n("sc.returned")} as "sheetsReturned",
          pc.sampled, pc.gap,
          ${n("nc.counted")} as "noticesCounted", ${n("nc.on_time")} as "noticesOnTime",
          ${n("rc.counted")} as "itemsCounted", ${n("rc.on_time")} as "itemsOnTime"
        from organisations
        join pc on pc.dept = organisations.id
        left join sc on sc.dept = organisations.id
        left join nc on nc.dept = organisations.id
        left join rc on rc.dept = organisations.id
        where ${departmentScope(user)}
          ${departmentId ? sql`and organisations.id = ${departmentId}` : sql``}
        order by organisations.sort_order, organisations.name`,
  );
}

/** The year's scorecards of the departments the user may see, ranked by total. */
export async function scorecards(
  user: Reader,
  year: number,
  options: { today?: string; db?: DbOrTx } = {},
): Promise<{ weights: AssessmentWeights; targetDueMonth: number; rows: ScorecardRow[] } | null> {
  const db = options.db ?? defaultDb;
  const today = options.today ?? bureauDate(new Date());
  const settings = await assessmentSettings(year, db);
  if (!settings) return null;
  const counts = await departmentCounts(user, year, today, db);
  const rows = counts.map((r) => {
    const c = countsOf(r);
    return {
      departmentId: r.id,
      name: r.name,
      projects: r.projects,
      counts: c,
      ...scorecard(c, settings.weights),
    };
  });
  const ranked = rankByTotal(rows);
  // A department sees its own row only: a rank among the rows it sees would say nothing true.
  return { ...settings, rows: ownRowOnly(user) ? ranked.map((r) => ({ ...r, rank: null })) : ranked };
}

/** One department's scorecard with its rank among those the user may see; null = not found. */
export async function departmentScorecard(
  user: Reader,
  year: number,
  departmentId: string,
  options: { today?: string; db?: DbOrTx } = {},
) {
  const all = await scorecards(user, year, options);
  const row = all?.rows.find((r) => r.departmentId === departmentId);
  if (!all || !row) return null;
  return { weights: all.weights, targetDueMonth: all.targetDueMonth, of: all.rows.length, row };
}

// ── Drill-down: the records behind each criterion, within what the user may open ──

export type ProjectRecord = {
  projectId: string;
  code: string;
  name: string;
  unitName: string;
  targetSubmitted: Date | null;
  targetOnTime: boolean;
  selfId: string | null;
  selfStatus: string | null;
  selfSubmitted: Date | null;
  selfOnTime: boolean;
  selfFiled: boolean;
};

export type SheetRecord = {
  projectId: string;
  code: string;
  name: string;
  versionNo: number;
  returns: number;
  lastReason: string | null;
};

export type GapRecord = {
  projectId: string;
  sampledId: string;
  code: string;
  name: string;
  selfScore: string;
  sampledScore: string;
  gap: string;
};

export type NoticeRecord = {
  id: string;
  reportId: string;
  code: string;
  name: string;
  content: string;
  dueDate: string | null;
  repliedAt: Date | null;
  status: string;
  counted: boolean;
  onTime: boolean;
};

export type ItemRecord = {
  id: string;
  code: string | null;
  name: string | null;
  problem: string;
  deadline: string;
  status: string;
  closedAt: Date | null;
  counted: boolean;
  onTime: boolean;
};

/** The records behind a department's points, in the user's record scope (a filer sees its unit's). */
export async function departmentRecords(
  user: Reader,
  year: number,
  departmentId: string,
  options: { today?: string; db?: DbOrTx } = {},
) {
  const db = options.db ?? defaultDb;
  const today = options.today ?? bureauDate(new Date());
  const inDept = sql`projects.department_id = ${departmentId} and projects.year = ${year}::int and ${projectScope(user)}`;
  const [projectRows, sheetRows, gapRows, noticeRows, itemRows] = await Promise.all([
    queryRows<ProjectRecord>(
      db,
      sql`select projects.id as "projectId", projects.code, projects.name, u.name as "unitName",
            x.target_first as "targetSubmitted",
            coalesce(${bureauDay(sql.raw("x.target_first"))} < ${targetDueEnd(year)}, false) as "targetOnTime",
            se.id as "selfId", se.status as "selfStatus", x.self_first as "selfSubmitted",
            coalesce(${bureauDay(sql.raw("x.self_first"))} <= ${selfDueDate(year, sql.raw("projects.district_id"))}, false) as "selfOnTime",
            coalesce(${SELF_FILED}, false) as "selfFiled"
          from projects
          join organisations u on u.id = projects.unit_id
          left join evaluations se on se.project_id = projects.id and se.type = 'SELF'
          cross join lateral (select ${targetFirstSubmitted(year)} as target_first,
            ${evaluationFirstSubmitted("se")} as self_first) x
          where ${inDept}
          order by projects.code`,
    ),
    queryRows<SheetRecord>(
      db,
      sql`select projects.id as "projectId", projects.code, projects.name, s.version_no as "versionNo",
            (select count(*)::int from target_sheet_transitions rt where rt.sheet_id = s.id and rt.to_status = 'RETURNED') as returns,
            (select rt.comment from target_sheet_transitions rt where rt.sheet_id = s.id and rt.to_status = 'RETURNED'
              order by rt.created_at desc limit 1) as "lastReason"
          from target_sheets s join projects on projects.id = s.project_id
          where s.year = ${year}::int and ${inDept} and ${SHEET_SUBMITTED} and ${SHEET_RETURNED}
          order by projects.code, s.version_no`,
    ),
    queryRows<GapRecord>(
      db,
      sql`select projects.id as "projectId", sm.id as "sampledId", projects.code, projects.name,
            se.total_score::text as "selfScore", sm.total_score::text as "sampledScore",
            (se.total_score - sm.total_score)::numeric(6,2)::text as gap
          from projects
          join evaluations sm on sm.project_id = projects.id and sm.type = 'SAMPLED' and sm.status = 'SETTLED'
          join evaluations se on se.project_id = projects.id and se.type = 'SELF'
          where ${inDept}
          order by (se.total_score - sm.total_score) desc, projects.code`,
    ),
    queryRows<NoticeRecord>(
      db,
      sql`select n.id, n.report_id as "reportId", projects.code, projects.name, n.content,
            n.due_date::text as "dueDate", n.replied_at as "repliedAt", n.status,
            ${noticeCounted(today)} as counted, ${NOTICE_ANSWERED_ON_TIME} as "onTime"
          from monitoring_notices n
          join monitoring_reports r on r.id = n.report_id
          join monitoring_rounds rd on rd.id = r.round_id
          join projects on projects.id = n.project_id
          where rd.year = ${year}::int and n.kind = 'CORRECTION' and ${inDept}
          order by "onTime", n.due_date, projects.code`,
    ),
    queryRows<ItemRecord>(
      db,
      sql`select ri.id, p.code, p.name, ri.problem, ri.deadline::text as deadline, ri.status, ri.closed_at as "closedAt",
            ${itemCounted(today)} as counted, ${ITEM_CLOSED_ON_TIME} as "onTime"
          from rectification_items ri
          left join projects p on p.id = ri.project_id
          where ri.department_id = ${departmentId} and ${ITEM_YEAR} = ${year}::int
            and ri.id in (select rectification_items.id from rectification_items where ${rectificationScope(user)})
          order by "onTime", ri.deadline, ri.id`,
    ),
  ]);
  // Projects with something late or missing first, then by code.
  const clean = (p: ProjectRecord) => (p.targetOnTime && p.selfFiled && p.selfOnTime ? 1 : 0);
  projectRows.sort((a, b) => clean(a) - clean(b));
  return { projects: projectRows, sheets: sheetRows, gaps: gapRows, notices: noticeRows, items: itemRows };
}
