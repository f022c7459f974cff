import "server-only";
import { sql } from "drizzle-orm";
import { bureauDate } from "@/domain/rectification";
import { COLOUR, FILED as MONITORING_FILED, REPORT_FROM } from "@/features/monitoring/sql";
import { rectificationScope } from "@/features/rectification/scope";
import { cachedAggregate } from "@/server/aggregate-cache";
import { db, queryRows } from "@/server/db";
import { projectScope, scopeKey } from "@/server/scope";
import type { CurrentUser } from "@/server/session";

type Reader = Pick<CurrentUser, "role" | "orgId" | "districtId" | "provinceWide">;

export type ChainSummary = {
  projects: number;
  budget: string;
  preNeeded: number;
  preConcluded: number;
  targetsApproved: number;
  monitored: number;
  red: number;
  yellow: number;
  green: number;
  selfFiled: number;
  selfAverage: string | null;
  excellent: number;
  good: number;
  pass: number;
  fail: number;
  sampled: number;
  sampledBudget: string;
  sampledSettled: number;
  gap: string | null;
};

const BUDGET = sql.raw("(projects.budget_current + projects.budget_carryover + projects.budget_other)");
const SELF_FILED = sql.raw("se.status in ('SUBMITTED', 'DEPT_APPROVED', 'RECEIVED')");

/**
 * 全链条: how far the year's projects (in the user's scope) have come through the chain — targets
 * approved, monitored with warnings by colour (latest filed report), self-evaluated with the grade
 * mix, sampled with the self-vs-sampled gap. One aggregate over the projects, in SQL.
 */
export async function chainSummary(user: Reader, year: number): Promise<ChainSummary> {
  return cachedAggregate("dashboards.chainSummary", [scopeKey(user), year], async () => {
    const [row] = await queryRows<ChainSummary>(
      db,
      sql`with colours as (
            select distinct on (r.project_id) r.project_id, ${COLOUR} as colour
            from ${REPORT_FROM}
            where rd.year = ${year} and ${MONITORING_FILED} and projects.year = ${year} and ${projectScope(user)}
            order by r.project_id, rd.period_months desc
          )
          select count(*)::int as "projects",
            coalesce(sum(${BUDGET}), 0)::text as "budget",
            count(pa.id)::int as "preNeeded",
            count(*) filter (where pa.status = 'CONCLUDED')::int as "preConcluded",
            count(*) filter (where exists (select 1 from target_sheets s
              where s.project_id = projects.id and s.status = 'APPROVED'))::int as "targetsApproved",
            count(c.project_id)::int as "monitored",
            count(*) filter (where c.colour = 'RED')::int as "red",
            count(*) filter (where c.colour = 'YELLOW')::int as "yellow",
            count(*) filter (where c.colour = 'GREEN')::int as "green",
            count(*) filter (where ${SELF_FILED})::int as "selfFiled",
            (avg(se.total_score) filter (where ${SELF_FILED}))::numeric(6,2)::text as "selfAverage",
            count(*) filter (where ${SELF_FILED} and se.grade = 'EXCELLENT')::int as "excellent",
            count(*) filter (where ${SELF_FILED} and se.grade = 'GOOD')::int as "good",
            count(*) filter (where ${SELF_FILED} and se.grade = 'PASS')::int as "pass",
            count(*) filter (where ${SELF_FILED} and se.grade = 'FAIL')::int as "fail",
            count(sm.id)::int as "sampled",
            coalesce(sum(${BUDGET}) filter (where sm.id is not null), 0)::text as "sampledBudget",
            count(*) filter (where sm.status = 'SETTLED')::int as "sampledSettled",
            (avg(se.total_score - sm.total_score) filter (where sm.status = 'SETTLED'))::numeric(6,2)::text as "gap"
          from projects
          left join pre_assessments pa on pa.project_id = projects.id
          left join evaluations se on se.project_id = projects.id and se.type = 'SELF'
          left join evaluations sm on sm.project_id = projects.id and sm.type = 'SAMPLED'
          left join colours c on c.project_id = projects.id
          where projects.year = ${year} and ${projectScope(user)}`,
    );
    return row!;
  });
}

export type RectificationSummary = {
  total: number;
  open: number;
  replied: number;
  closed: number;
  overdue: number;
};

/**
 * The year's rectification items: those raised on the year's projects, or (department-wide and
 * township evaluations, which have no project) from an evaluation of the year. Open is not yet closed
 * (awaiting the reply or finance's verification); overdue is open past its deadline, on the bureau's
 * date. In the user's rectification scope.
 */
export const RECTIFICATION_OF_YEAR = (year: number) =>
  sql`coalesce((select p.year from projects p where p.id = rectification_items.project_id),
    (select e.year from evaluations e where e.id = rectification_items.source_id)) = ${year}`;

export async function rectificationSummary(
  user: Reader & Pick<CurrentUser, "departmentId">,
  year: number,
): Promise<RectificationSummary> {
  // Overdue is counted against today's date: a figure cached yesterday is not today's.
  const today = bureauDate(new Date());
  return cachedAggregate("dashboards.rectificationSummary", [scopeKey(user), year, today], async () => {
    const [row] = await queryRows<RectificationSummary>(
      db,
      sql`select count(*)::int as total,
            count(*) filter (where rectification_items.status <> 'CLOSED')::int as open,
            count(*) filter (where rectification_items.status = 'REPLIED')::int as replied,
            count(*) filter (where rectification_items.status = 'CLOSED')::int as closed,
            count(*) filter (where rectification_items.status <> 'CLOSED'
              and rectification_items.deadline < ${today})::int as overdue
          from rectification_items
          where ${RECTIFICATION_OF_YEAR(year)} and ${rectificationScope(user)}`,
    );
    return row!;
  });
}
