import "server-only";
import { sql } from "drizzle-orm";
import { addDays, bureauDate, DUE_SOON_DAYS } from "@/domain/rectification";
import { SELF_EDITABLE, SELF_ROLES, type OverallType } from "@/features/overall-evaluation/flow";
import { KEY_EDITABLE } from "@/features/key-evaluation/flow";
import { rectificationScope } from "@/features/rectification/scope";
import { cachedAggregate } from "@/server/aggregate-cache";
import { queryRows, type DbOrTx } from "@/server/db";
import { notifications } from "@/server/schema";
import { projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";

type Reader = Pick<CurrentUser, "id" | "role" | "orgId" | "departmentId" | "districtId" | "provinceWide">;

/** One deadline that falls within the reminder window (or has passed) for something the user must do. */
type Due = {
  /** The record the reminder opens and is about. */
  entityType: string;
  entityId: string;
  deadline: string;
  link: string;
  /** The message keys for due soon and overdue, and their parameters. */
  keys: { soon: string; overdue: string };
  params: Record<string, string | number>;
  /** How the dedupe key names the record; rectification keeps its original form. */
  dedupe?: string;
};

type Window = { today: string; horizon: string };
type Source = (db: DbOrTx, user: Reader, w: Window) => Promise<Due[]>;

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

const isDept = (user: Reader) => user.role === "DEPT_FILER" || user.role === "DEPT_APPROVER";

/** Rectification items the user answers for: the approver's department, the filer's unit. */
const rectification: Source = async (db, user, w) => {
  if (!isDept(user)) return [];
  const rows = await queryRows<{ id: string; deadline: string; problem: string }>(
    db,
    sql`select rectification_items.id::text as id, rectification_items.deadline::text as deadline,
          rectification_items.problem
        from rectification_items
        where ${rectificationScope(user)} and rectification_items.status <> 'CLOSED'
          and rectification_items.deadline <= ${w.horizon}`,
  );
  return rows.map((r) => ({
    entityType: "rectification",
    entityId: r.id,
    deadline: r.deadline,
    link: `/rectification/${r.id}`,
    keys: { soon: "rectificationDueSoon", overdue: "rectificationOverdue" },
    params: { problem: short(r.problem) },
    dedupe: r.id,
  }));
};

/** 监控处理意见 still to be answered by the unit and its department, by the notice's due date. */
const monitoringNotices: Source = async (db, user, w) => {
  if (!isDept(user)) return [];
  const rows = await queryRows<{ id: string; deadline: string; reportId: string; project: string }>(
    db,
    sql`select n.id::text as id, n.due_date::text as deadline, n.report_id::text as "reportId",
          projects.name as project
        from monitoring_notices n join projects on projects.id = n.project_id
        where n.status = 'OPEN' and n.due_date is not null and n.due_date <= ${w.horizon}
          and ${projectScope(user)}`,
  );
  return rows.map((r) => ({
    entityType: "monitoring_notice",
    entityId: r.id,
    deadline: r.deadline,
    link: `/monitoring/reports/${r.reportId}`,
    keys: { soon: "monitoringNoticeDueSoon", overdue: "monitoringNoticeOverdue" },
    params: { project: short(r.project) },
  }));
};

/**
 * A monitoring round's due date, once per round: the filer's reports not yet filed (or returned), the
 * approver's reports waiting for the department's review. One reminder with the count, not one per
 * project: a unit with forty projects in a round gets one line.
 */
const monitoringRounds: Source = async (db, user, w) => {
  if (!isDept(user)) return [];
  const waiting = user.role === "DEPT_FILER" ? ["NOT_FILED", "DRAFT", "RETURNED"] : ["SUBMITTED"];
  const rows = await queryRows<{ id: string; deadline: string; name: string; n: number }>(
    db,
    sql`select rd.id::text as id, rd.due_date::text as deadline, rd.name, count(*)::int as n
        from monitoring_reports r join projects on projects.id = r.project_id
          join monitoring_rounds rd on rd.id = r.round_id
        where r.status in (${list(waiting)}) and rd.due_date <= ${w.horizon} and ${projectScope(user)}
        group by rd.id, rd.due_date, rd.name`,
  );
  const keys =
    user.role === "DEPT_FILER"
      ? { soon: "monitoringRoundDueSoon", overdue: "monitoringRoundOverdue" }
      : { soon: "monitoringReviewDueSoon", overdue: "monitoringReviewOverdue" };
  return rows.map((r) => ({
    entityType: "monitoring_round",
    entityId: r.id,
    deadline: r.deadline,
    link: `/monitoring/rounds/${r.id}`,
    keys,
    params: { round: r.name, count: r.n },
  }));
};

/** The 单位自评 round's due date, once per round: drafts and returned ones (filer), submitted (approver). */
const selfEvaluationRound: Source = async (db, user, w) => {
  if (!isDept(user)) return [];
  const waiting = user.role === "DEPT_FILER" ? ["DRAFT", "RETURNED"] : ["SUBMITTED"];
  const rows = await queryRows<{ id: string; deadline: string; year: number; n: number }>(
    db,
    sql`select er.id::text as id, er.due_date::text as deadline, er.year, count(*)::int as n
        from evaluations e join projects on projects.id = e.project_id
          -- The district's round, else the province's (a year has one or the other, never both).
          join evaluation_rounds er on er.type = 'SELF' and er.year = e.year
            and (er.district_id = projects.district_id or er.district_id is null)
        where e.type = 'SELF' and e.status in (${list(waiting)}) and er.due_date <= ${w.horizon}
          and ${projectScope(user)}
        group by er.id, er.due_date, er.year`,
  );
  const keys =
    user.role === "DEPT_FILER"
      ? { soon: "selfEvaluationDueSoon", overdue: "selfEvaluationOverdue" }
      : { soon: "selfEvaluationReviewDueSoon", overdue: "selfEvaluationReviewOverdue" };
  return rows.map((r) => ({
    entityType: "evaluation_round",
    entityId: r.id,
    deadline: r.deadline,
    link: `/self-evaluations?year=${r.year}`,
    keys,
    params: { year: r.year, count: r.n },
  }));
};

/**
 * A department's or township's own evaluation (整体自评) while the subject still holds it, by the
 * evaluation's due date, for the roles that fill the subject's column.
 */
const overallSelf: Source = async (db, user, w) => {
  if (!isDept(user) || !user.orgId) return [];
  const types = (["DEPT_OVERALL", "TOWNSHIP_FISCAL"] as OverallType[]).filter((t) =>
    SELF_ROLES[t].includes(user.role),
  );
  if (types.length === 0) return [];
  const rows = await queryRows<{ id: string; deadline: string; type: OverallType; year: number }>(
    db,
    sql`select e.id::text as id, e.due_date::text as deadline, e.type::text as type, e.year
        from evaluations e
        where e.type in (${list(types)}) and e.subject_org_id = ${user.orgId}
          and e.status in (${list(SELF_EDITABLE)}) and e.due_date is not null and e.due_date <= ${w.horizon}`,
  );
  return rows.map((r) => ({
    entityType: "evaluation",
    entityId: r.id,
    deadline: r.deadline,
    link: `${r.type === "DEPT_OVERALL" ? "/dept-evaluations" : "/township-evaluations"}/${r.id}`,
    keys: { soon: "overallDueSoon", overdue: "overallOverdue" },
    params: { year: r.year },
  }));
};

/** An agency's engagements whose report is not yet with finance or accepted, by the engagement's deadline. */
const engagements: Source = async (db, user, w) => {
  if (user.role !== "AGENCY" || !user.orgId) return [];
  const rows = await queryRows<{ id: string; deadline: string; subject: string }>(
    db,
    sql`select e.id::text as id, g.deadline::text as deadline, coalesce(projects.name, o.name) as subject
        from engagements g join evaluations e on e.id = g.evaluation_id
          left join projects on projects.id = e.project_id
          left join organisations o on o.id = e.subject_org_id
        where g.agency_id = ${user.orgId} and e.status not in ('SUBMITTED', 'SETTLED')
          and g.deadline <= ${w.horizon}`,
  );
  return rows.map((r) => ({
    entityType: "evaluation",
    entityId: r.id,
    deadline: r.deadline,
    link: `/third-party/${r.id}`,
    keys: { soon: "engagementDueSoon", overdue: "engagementOverdue" },
    params: { subject: short(r.subject) },
  }));
};

/** Key evaluations a finance reviewer is assigned to, while the sheet is still being scored. */
const keyEvaluations: Source = async (db, user, w) => {
  if (user.role !== "FINANCE_REVIEWER") return [];
  const rows = await queryRows<{ id: string; deadline: string; subject: string }>(
    db,
    sql`select e.id::text as id, e.due_date::text as deadline, projects.name as subject
        from evaluation_assignees a join evaluations e on e.id = a.evaluation_id
          join projects on projects.id = e.project_id
        where a.user_id = ${user.id} and e.type = 'KEY' and e.status in (${list(KEY_EDITABLE)})
          and e.due_date is not null and e.due_date <= ${w.horizon}`,
  );
  return rows.map((r) => ({
    entityType: "evaluation",
    entityId: r.id,
    deadline: r.deadline,
    link: `/key-evaluations/${r.id}`,
    keys: { soon: "keyDueSoon", overdue: "keyOverdue" },
    params: { subject: short(r.subject) },
  }));
};

const SOURCES: Source[] = [
  rectification,
  monitoringNotices,
  monitoringRounds,
  selfEvaluationRound,
  overallSelf,
  engagements,
  keyEvaluations,
];

/** Midnight in the bureau's time zone (UTC+8, no daylight saving) of a date, or now if that is later. */
function startOfBureauDay(date: string, now: Date): Date {
  const at = new Date(`${date}T00:00:00+08:00`);
  return at < now ? at : now;
}

/** The reminders a user is owed now, as rows for `notifications` (pure of the database beyond reading). */
export async function dueReminders(db: DbOrTx, user: Reader, now = new Date()) {
  const today = bureauDate(now);
  const w = { today, horizon: addDays(today, DUE_SOON_DAYS) };
  const found = (await Promise.all(SOURCES.map((s) => s(db, user, w)))).flat();
  return found.map((d) => {
    const kind = d.deadline < today ? ("OVERDUE" as const) : ("DUE_SOON" as const);
    return {
      recipientId: user.id,
      kind,
      titleKey: kind === "OVERDUE" ? d.keys.overdue : d.keys.soon,
      params: Object.fromEntries(
        Object.entries({ ...d.params, deadline: d.deadline }).map(([k, v]) => [k, String(v)]),
      ),
      link: d.link,
      entityType: d.entityType,
      entityId: d.entityId,
      dedupeKey: `${kind}:${d.dedupe ?? `${d.entityType}:${d.entityId}`}:${d.deadline}`,
      // Dated when it became due (three days before the deadline, or the day after it), never later
      // than now: a reminder of long-past work sorts behind the hand-offs of today instead of burying them.
      createdAt: startOfBureauDay(
        kind === "OVERDUE" ? addDays(d.deadline, 1) : addDays(d.deadline, -DUE_SOON_DAYS),
        now,
      ),
    };
  });
}

/**
 * Deadline reminders for one user, computed when their bell or to-do page loads: due within three days
 * and overdue, for what they must do — rectification items and monitoring notices they answer, the
 * monitoring and self-evaluation rounds they file or review, their department's or township's own
 * evaluation, an agency's engagements, a reviewer's key evaluations. Idempotent: each reminder has a
 * dedupe key (the record and its deadline), so loading again writes nothing new, and a moved deadline
 * reminds again.
 */
/**
 * What a page load runs (the bell, the to-do list): the reminders are worked out again only when the
 * data they read has changed since this instance last did so for this user and day. The version of
 * the aggregates' cache tells: its watched tables include every table the reminders read (migrations
 * 0013 and 0016; tests/integration/reminders.test.ts checks the list against the statements' plans).
 * A page load while nothing changed runs one shared version read instead of six statements.
 */
export async function remindDeadlinesOnChange(db: DbOrTx, user: Reader, now = new Date()): Promise<number> {
  return cachedAggregate(
    "notifications.reminders",
    [user.id, user.role, user.orgId, user.departmentId, user.districtId, bureauDate(now)],
    () => remindDeadlines(db, user, now),
  );
}

export async function remindDeadlines(db: DbOrTx, user: Reader, now = new Date()): Promise<number> {
  const reminders = await dueReminders(db, user, now);
  if (reminders.length === 0) return 0;
  // One statement for all of them; the dedupe key turns the ones already written into no-ops.
  const rows = await db
    .insert(notifications)
    .values(reminders)
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}
