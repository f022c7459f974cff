import { sql } from "drizzle-orm";

// The warning rules of rules.ts as SQL, so lists, counts and filters are computed by the database
// from the stored figures and the year's current thresholds (a threshold change shows at once).
// Expects `r` = monitoring_reports, `projects`, `rd` = monitoring_rounds, `fy` = fiscal_years.

export const EXECUTED = sql.raw(
  "(coalesce(r.executed_current, 0) + coalesce(r.executed_carryover, 0) + coalesce(r.executed_other, 0))",
);
export const BUDGET = sql.raw(
  "(projects.budget_current + projects.budget_carryover + projects.budget_other)",
);

/** warningColour(): executed × 1200 against the threshold × budget × months, exact in numeric. */
export const COLOUR = sql`(case
  when r.executed_current is null or ${BUDGET} <= 0 then null
  when ${EXECUTED} * 1200 < fy.warning_red * ${BUDGET} * rd.period_months then 'RED'
  when ${EXECUTED} * 1200 < fy.warning_yellow * ${BUDGET} * rd.period_months then 'YELLOW'
  else 'GREEN' end)`;

const NUM = "'^-?[0-9]+(\\.[0-9]+)?$'";
const clean = (col: string) => `trim(replace(${col}, ',', ''))`;

/**
 * checkIndicator(): how many of the report's indicators deviate from their pro-rated target by more
 * than the year's threshold in the bad direction. With T the target, m the months, V the progress:
 * pro-rated P = T·m/12, so 100·(P − V) > d·P ⇔ 100·(T·m − 12·V) > d·T·m (no division).
 */
export const FLAGGED = sql.raw(`(select count(*)::int from monitoring_progress mp
  join target_indicators ti on ti.id = mp.indicator_id
  where mp.report_id = r.id and ti.operator <> 'QUALITATIVE' and (case
    when ${clean("ti.target_value")} ~ ${NUM} and ${clean("mp.value")} ~ ${NUM}
      and ${clean("ti.target_value")}::numeric > 0 then
      (case ti.direction
        when 'HIGHER_BETTER' then 100 * (${clean("ti.target_value")}::numeric * rd.period_months - 12 * ${clean("mp.value")}::numeric)
          > fy.indicator_deviation * ${clean("ti.target_value")}::numeric * rd.period_months
        when 'LOWER_BETTER' then 100 * (12 * ${clean("mp.value")}::numeric - ${clean("ti.target_value")}::numeric * rd.period_months)
          > fy.indicator_deviation * ${clean("ti.target_value")}::numeric * rd.period_months
        else abs(100 * (12 * ${clean("mp.value")}::numeric - ${clean("ti.target_value")}::numeric * rd.period_months))
          > fy.indicator_deviation * ${clean("ti.target_value")}::numeric * rd.period_months
      end)
    else false end))`);

export const FILED = sql.raw("r.status in ('SUBMITTED', 'DEPT_APPROVED', 'APPROVED')");

export const REPORT_FROM = sql.raw(`monitoring_reports r
  join projects on projects.id = r.project_id
  join monitoring_rounds rd on rd.id = r.round_id
  join fiscal_years fy on fy.year = rd.year`);
