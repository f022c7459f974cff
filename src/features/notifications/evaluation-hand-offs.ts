import { and, eq, inArray, sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/server/db";
import { evaluationAssignees, users, type NotificationKind } from "@/server/schema";
import type { Role } from "@/server/schema/enums";
import { departmentRecipients, financeRecipients, notify } from "./service";

// Hand-offs of the finance-led evaluations: 财政重点评价, 第三方评价 and the department-wide and
// township evaluations. Who receives each is read from the record (its assigned reviewers, its agency,
// its subject organisation, finance covering the subject), never from the browser. Call inside the
// hand-off's transaction.

type Subject = {
  type: string;
  name: string;
  /** The department answering for the subject: the project's, or the subject organisation. */
  departmentId: string | null;
  agencyId: string | null;
};

async function subjectOf(db: DbOrTx, evaluationId: string): Promise<Subject | null> {
  const [row] = await queryRows<Subject>(
    db,
    sql`select e.type, coalesce(p.name, o.name) as name, coalesce(p.department_id, e.subject_org_id) as "departmentId",
          (select g.agency_id from engagements g where g.evaluation_id = e.id) as "agencyId"
        from evaluations e
        left join projects p on p.id = e.project_id
        left join organisations o on o.id = e.subject_org_id
        where e.id = ${evaluationId}`,
  );
  return row ?? null;
}

async function activeIds(db: DbOrTx, roles: Role[], condition: ReturnType<typeof sql>) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, roles), condition));
  return rows.map((r) => r.id);
}

/** The finance administrators of the subject's district (of every district when it has none). */
const financeAdmins = (db: DbOrTx, s: Subject) =>
  activeIds(
    db,
    ["FINANCE_ADMIN"],
    s.departmentId
      ? sql`${users.orgId} in (select o.id from organisations o where o.district_id =
          (select d.district_id from organisations d where d.id = ${s.departmentId}))`
      : sql`true`,
  );
const agencyStaff = (db: DbOrTx, agencyId: string) =>
  activeIds(db, ["AGENCY"], sql`${users.orgId} = ${agencyId}`);
/** A township's own staff (its filers and approvers are scoped to the township itself). */
const organisationStaff = (db: DbOrTx, orgId: string) =>
  activeIds(db, ["DEPT_FILER", "DEPT_APPROVER"], sql`${users.orgId} = ${orgId}`);

async function assignedReviewers(db: DbOrTx, evaluationId: string) {
  const rows = await db
    .select({ id: evaluationAssignees.userId })
    .from(evaluationAssignees)
    .innerJoin(users, eq(users.id, evaluationAssignees.userId))
    .where(and(eq(evaluationAssignees.evaluationId, evaluationId), eq(users.active, true)));
  return rows.map((r) => r.id);
}

function send(
  db: DbOrTx,
  evaluationId: string,
  s: Subject,
  recipientIds: string[],
  kind: NotificationKind,
  titleKey: string,
  link: string,
  extra: Record<string, string> = {},
) {
  return notify(db, {
    recipientIds,
    kind,
    titleKey,
    params: { subject: s.name, ...extra },
    link,
    entityType: "evaluation",
    entityId: evaluationId,
  });
}

const reasonParam = (reason?: string) => ({ reason: (reason ?? "").slice(0, 120) });

/** 财政重点评价: assigned → the reviewers; submitted → finance; returned / approved → the reviewers. */
export async function notifyKeyEvaluation(
  db: DbOrTx,
  evaluationId: string,
  event: "assigned" | "submitted" | "returned" | "approved",
  reason?: string,
) {
  const s = await subjectOf(db, evaluationId);
  if (!s) return 0;
  const link = `/key-evaluations/${evaluationId}`;
  switch (event) {
    case "assigned":
      return send(
        db,
        evaluationId,
        s,
        await assignedReviewers(db, evaluationId),
        "ASSIGNED",
        "keyAssigned",
        link,
      );
    case "submitted":
      return send(db, evaluationId, s, await financeAdmins(db, s), "SUBMITTED", "keySubmitted", link);
    case "returned":
      return send(
        db,
        evaluationId,
        s,
        await assignedReviewers(db, evaluationId),
        "RETURNED",
        "keyReturned",
        link,
        reasonParam(reason),
      );
    case "approved":
      return send(
        db,
        evaluationId,
        s,
        await assignedReviewers(db, evaluationId),
        "APPROVED",
        "keyApproved",
        link,
      );
  }
}

/**
 * 第三方评价: engaged → the agency's staff; submitted → finance; returned / accepted → the agency's
 * staff. An accepted department-wide evaluation is settled: its department hears of it too.
 */
export async function notifyEngagement(
  db: DbOrTx,
  evaluationId: string,
  event: "engaged" | "submitted" | "returned" | "accepted",
  reason?: string,
) {
  const s = await subjectOf(db, evaluationId);
  if (!s?.agencyId) return 0;
  const link = `/third-party/${evaluationId}`;
  const agency = await agencyStaff(db, s.agencyId);
  switch (event) {
    case "engaged":
      return send(db, evaluationId, s, agency, "ASSIGNED", "engagementAssigned", link);
    case "submitted":
      return send(db, evaluationId, s, await financeAdmins(db, s), "SUBMITTED", "engagementSubmitted", link);
    case "returned":
      return send(db, evaluationId, s, agency, "RETURNED", "engagementReturned", link, reasonParam(reason));
    case "accepted": {
      const n = await send(db, evaluationId, s, agency, "APPROVED", "engagementAccepted", link);
      if (s.type !== "DEPT_OVERALL" || !s.departmentId) return n;
      return (
        n +
        (await send(
          db,
          evaluationId,
          s,
          await departmentRecipients(db, s.departmentId, null),
          "APPROVED",
          "overallSettled",
          `/dept-evaluations/${evaluationId}`,
        ))
      );
    }
  }
}

/**
 * 部门整体评价 and 乡镇财政运行评价: the subject's submission → finance covering it; returned and
 * settled → the subject (a department's approvers; a township's own staff).
 */
export async function notifyOverall(
  db: DbOrTx,
  evaluationId: string,
  event: "submitted" | "returned" | "settled",
  reason?: string,
) {
  const s = await subjectOf(db, evaluationId);
  if (!s?.departmentId) return 0;
  const township = s.type === "TOWNSHIP_FISCAL";
  const link = `/${township ? "township-evaluations" : "dept-evaluations"}/${evaluationId}`;
  const subject = township
    ? await organisationStaff(db, s.departmentId)
    : await departmentRecipients(db, s.departmentId, null);
  switch (event) {
    case "submitted":
      return send(
        db,
        evaluationId,
        s,
        await financeRecipients(db, s.departmentId),
        "SUBMITTED",
        "overallSubmitted",
        link,
      );
    case "returned":
      return send(db, evaluationId, s, subject, "RETURNED", "overallReturned", link, reasonParam(reason));
    case "settled":
      return send(db, evaluationId, s, subject, "APPROVED", "overallSettled", link);
  }
}
