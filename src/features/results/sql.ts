import { sql, type SQL } from "drizzle-orm";

// The deciding completed evaluation of each project of a year, in SQL (the same order as the domain's
// decidingEvaluation): key or third-party over sampled over self; a key, third-party or sampled
// evaluation is complete when SETTLED, a self-evaluation when finance RECEIVED it (its final state).
// Then the year's percent by grade, or finance's adjusted percent, and the suggested amount (never
// below zero; rounded to the fen like the domain's suggestedAmount).

export const AUTHORITY_SQL = sql`case e.type when 'KEY' then 1 when 'THIRD_PARTY' then 1 when 'SAMPLED' then 2 else 3 end`;

export function decidedCte(year: number): SQL {
  return sql`decided as (
    select distinct on (e.project_id) e.project_id, e.id as evaluation_id, e.type, e.grade, e.total_score
    from evaluations e
    where e.year = ${year} and e.project_id is not null and e.grade is not null
      and ((e.type in ('KEY', 'THIRD_PARTY', 'SAMPLED') and e.status = 'SETTLED')
        or (e.type = 'SELF' and e.status = 'RECEIVED'))
    order by e.project_id, ${AUTHORITY_SQL}, e.completed_at desc nulls last, e.id
  ),
  applied as (
    select d.*, p.id, p.code, p.name, p.department_id, p.unit_id,
      (p.budget_current + p.budget_carryover + p.budget_other) as budget,
      case d.grade when 'EXCELLENT' then fy.suggestion_excellent when 'GOOD' then fy.suggestion_good
        when 'PASS' then fy.suggestion_pass else fy.suggestion_fail end as rule_percent,
      ra.adjusted_percent, ra.adjust_reason, ra.accountability, ra.disclosed, ra.version as ra_version
    from decided d
    join projects p on p.id = d.project_id
    join fiscal_years fy on fy.year = p.year
    left join result_applications ra on ra.project_id = p.id
  ),
  suggested as (
    select a.*, coalesce(a.adjusted_percent, a.rule_percent) as percent,
      greatest(round(a.budget * (100 + coalesce(a.adjusted_percent, a.rule_percent)) / 100, 2), 0) as suggested
    from applied a
  )`;
}
