import { sql, type SQL } from "drizzle-orm";

// The rules of each 督考 criterion as SQL fragments, shared by the scorecard (counts per department)
// and the drill-down (the records behind each count), so both always agree. Dates are the bureau's
// (Asia/Shanghai): a record is on time when filed on or before its due day there.

const TZ = sql.raw("'Asia/Shanghai'");

/** The day after the target sheets' due month of budget year `year` (due = before this day begins). */
export const targetDueEnd = (year: number) =>
  sql`(make_date(${year}::int, (select target_due_month from fiscal_years where year = ${year}::int), 1) + interval '1 month')::date`;

/**
 * The due date of the SELF round of the year covering a district (its own, else the province's), the
 * district given as a column of the query (null when finance has not opened self-evaluation).
 */
export const selfDueDate = (year: number, district: SQL) =>
  sql`(select er.due_date from evaluation_rounds er where er.type = 'SELF' and er.year = ${year}::int
        and (er.district_id = ${district} or er.district_id is null)
        order by er.district_id nulls last limit 1)`;

/** First submission of a project's target sheet of the year (over its versions and returns). */
export const targetFirstSubmitted = (year: number) =>
  sql`(select least(min(t.created_at), min(s.submitted_at)) from target_sheets s
        left join target_sheet_transitions t on t.sheet_id = s.id and t.to_status = 'SUBMITTED'
        where s.project_id = projects.id and s.year = ${year}::int)`;

/** First submission of an evaluation `e` (a return and resubmission keeps the first date). */
export const evaluationFirstSubmitted = (alias: string): SQL =>
  sql.raw(`coalesce((select min(t.created_at) from evaluation_transitions t
        where t.evaluation_id = ${alias}.id and t.to_status = 'SUBMITTED'), ${alias}.submitted_at)`);

export const bureauDay = (instant: SQL) => sql`((${instant}) at time zone ${TZ})::date`;

/** Self-evaluation filed (with the department or finance): what coverage counts. */
export const SELF_FILED = sql.raw("se.status in ('SUBMITTED', 'DEPT_APPROVED', 'RECEIVED')");

/** A target sheet returned at any step (by the department or by finance) for its quality. */
export const SHEET_RETURNED = sql.raw(
  "exists (select 1 from target_sheet_transitions rt where rt.sheet_id = s.id and rt.to_status = 'RETURNED')",
);

/** Whether a sheet `s` was ever submitted. */
export const SHEET_SUBMITTED = sql.raw(
  "(s.submitted_at is not null or exists (select 1 from target_sheet_transitions st where st.sheet_id = s.id and st.to_status = 'SUBMITTED'))",
);

/** A correction notice `n` answered by its due day (no due day: answered at all). */
export const NOTICE_ANSWERED_ON_TIME = sql`(n.replied_at is not null and (n.due_date is null or ${bureauDay(sql.raw("n.replied_at"))} <= n.due_date))`;

/** A correction notice counts once answered or once its due day has passed (or it has none). */
export const noticeCounted = (today: string) =>
  sql`(n.replied_at is not null or n.due_date is null or n.due_date < ${today}::date)`;

/** The budget year a rectification item `ri` belongs to: its project's, else its source evaluation's. */
export const ITEM_YEAR = sql.raw(
  "coalesce((select ip.year from projects ip where ip.id = ri.project_id), (select ie.year from evaluations ie where ie.id = ri.source_id))",
);

/** Closed by its deadline (the bureau's day of closing). */
export const ITEM_CLOSED_ON_TIME = sql`(ri.status = 'CLOSED' and ${bureauDay(sql.raw("ri.closed_at"))} <= ri.deadline)`;

/** An item counts once closed or once its deadline has passed. */
export const itemCounted = (today: string) => sql`(ri.status = 'CLOSED' or ri.deadline < ${today}::date)`;
