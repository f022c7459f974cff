import "server-only";
import { sql } from "drizzle-orm";
import { bureauDate } from "@/domain/rectification";
import { COLOUR, FILED as MONITORING_FILED, REPORT_FROM } from "@/features/monitoring/sql";
import { rectificationScope } from "@/features/rectification/scope";
import { cachedAggregate } from "@/server/aggregate-cache";
import { db, queryRows } from "@/server/db";
import { projectScope, scopeKey } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { RECTIFICATION_OF_YEAR } from "./chain-queries";

type Reader = Pick<CurrentUser, "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;

export type DepartmentPerformance = {
  id: string;
  name: string;
  projects: number;
  budget: string;
  selfFiled: number;
  /** Average self score over the department's filed self-evaluations. */
  selfAverage: string | null;
  sampled: number;
  /** Over the settled sampled projects: the units' own average, the groups' average, and the gap. */
  sampledSelfAverage: string | null;
  sampledAverage: string | null;
  gap: string | null;
  red: number;
  yellow: number;
  /** The department's rectification items of the year open past their deadline. */
  overdue: number;
};

const BUDGET = sql.raw("(projects.budget_current + projects.budget_carryover + projects.budget_other)");
const SELF_FILED = sql.raw("se.status in ('SUBMITTED', 'DEPT_APPROVED', 'RECEIVED')");
const SETTLED = sql.raw("sm.status = 'SETTLED'");

/**
 * Per department of the year (in the user's scope): projects and funds, self-evaluation coverage and
 * average, the sampled average against the same projects' self average (who over-scores themselves),
 * and monitoring warnings by the latest filed report, and its overdue rectification items. One aggregate in SQL; largest funds first.
 */
export async function departmentPerformance(user: Reader, year: number): Promise<DepartmentPerformance[]> {
  // Overdue is counted against today's date: a figure cached yesterday is not today's.
  const today = bureauDate(new Date());
  return cachedAggregate("dashboards.departmentPerformance", [scopeKey(user), year, today], async () => {
    return queryRows<DepartmentPerformance>(
      db,
      sql`with overdue as (
            select rectification_items.department_id, count(*)::int as n
            from rectification_items
            where ${RECTIFICATION_OF_YEAR(year)} and ${rectificationScope(user)}
              and rectification_items.status <> 'CLOSED'
              and rectification_items.deadline < ${today}
            group by rectification_items.department_id
          ),
          colours as (
            select distinct on (r.project_id) r.project_id, ${COLOUR} as colour
            from ${REPORT_FROM}
            where rd.year = ${year} and ${MONITORING_FILED} and projects.year = ${year} and ${projectScope(user)}
            order by r.project_id, rd.period_months desc
          )
          select d.id, d.name, d.sort_order, sum(${BUDGET}) as budget_sort,
            count(*)::int as "projects",
            coalesce(sum(${BUDGET}), 0)::text as "budget",
            count(*) filter (where ${SELF_FILED})::int as "selfFiled",
            (avg(se.total_score) filter (where ${SELF_FILED}))::numeric(6,2)::text as "selfAverage",
            count(*) filter (where ${SETTLED})::int as "sampled",
            (avg(se.total_score) filter (where ${SETTLED}))::numeric(6,2)::text as "sampledSelfAverage",
            (avg(sm.total_score) filter (where ${SETTLED}))::numeric(6,2)::text as "sampledAverage",
            (avg(se.total_score - sm.total_score) filter (where ${SETTLED}))::numeric(6,2)::text as "gap",
            count(*) filter (where c.colour = 'RED')::int as "red",
            count(*) filter (where c.colour = 'YELLOW')::int as "yellow",
            coalesce(max(o.n), 0)::int as "overdue"
          from projects
          join organisations d on d.id = projects.department_id
          left join evaluations se on se.project_id = projects.id and se.type = 'SELF'
          left join evaluations sm on sm.project_id = projects.id and sm.type = 'SAMPLED'
          left join colours c on c.project_id = projects.id
          left join overdue o on o.department_id = d.id
          where projects.year = ${year} and ${projectScope(user)}
          group by d.id, d.name, d.sort_order
          union all
          -- An organisation with overdue items and no project of the year (a township evaluated as a
          -- whole, say) still has its row, so the column adds up to the headline's overdue count.
          select d.id, d.name, d.sort_order, 0, 0, '0', 0, null, 0, null, null, null, 0, 0, o.n
          from overdue o join organisations d on d.id = o.department_id
          where not exists (select 1 from projects
            where projects.department_id = d.id and projects.year = ${year} and ${projectScope(user)})
          order by budget_sort desc, sort_order`,
    );
  });
}
