import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { findReadableAttachment, listAttachments } from "@/features/attachments/queries";
import { getAgency } from "@/features/agencies/queries";
import { ratingTotal } from "@/features/agencies/rules";
import { createFromTemplate, templateFor } from "@/features/evaluations/sheet-service";
import { sheetLines } from "@/features/evaluations/sheet-queries";
import {
  declareEngagementDefinition,
  engageAgencyDefinition,
  rateEngagementDefinition,
  reviewEngagementDefinition,
  runDeclareEngagement,
  runEngageAgency,
  runRateEngagement,
  runReviewEngagement,
  runSaveEngagementReport,
  saveEngagementReportDefinition,
} from "@/features/third-party/definitions";
import { getEngagement, listEngagements, staffOf } from "@/features/third-party/queries";
import { db, queryRows } from "@/server/db";
import { engagements, evaluations, notifications, projects } from "@/server/schema";
import { DEPARTMENTS } from "@/server/seed/organisations-data";
import { orgIds } from "@/server/seed/seed";
import type { CurrentUser } from "@/server/session";
import { caller } from "../factories/actions";
import { fileOf, temporaryUploads, uploadAttachmentAs } from "../factories/attachments";
import { catalogTranslator, failure } from "../factories/messages";
import { activeUserIds, latestParams, recipientsOf } from "../factories/notifications";
import { signedIn } from "../factories/users";

let t: (key: string) => string;
const engage = caller(engageAgencyDefinition, runEngageAgency);
const declare = caller(declareEngagementDefinition, runDeclareEngagement);
const report = caller(saveEngagementReportDefinition, runSaveEngagementReport);
const review = caller(reviewEngagementDefinition, runReviewEngagement);
const rate = caller(rateEngagementDefinition, runRateEngagement);
temporaryUploads();

let admin: CurrentUser, ag01: CurrentUser, ag02: CurrentUser, ag03: CurrentUser;
let reviewer: CurrentUser, approver: CurrentUser, leader: CurrentUser, expert: CurrentUser;
const deadline = "2030-06-30";
const GOOD_REPORT = "评价结论：项目实施规范，目标基本完成。";

/** A 2022 project of a department, not yet evaluated by a third party (each call a different one). */
const used = new Set<string>();
async function freshProject(deptCode: string) {
  const rows = await db
    .select({ id: projects.id })
    .from(projects)
    .leftJoin(evaluations, and(eq(evaluations.projectId, projects.id), eq(evaluations.type, "THIRD_PARTY")))
    .where(
      and(
        eq(projects.year, 2022),
        eq(projects.departmentId, orgIds.department(deptCode)),
        sql`${evaluations.id} is null`,
      ),
    )
    .orderBy(sql`random()`)
    .limit(20);
  const row = rows.find((r) => !used.has(r.id))!;
  used.add(row.id);
  return row.id;
}

const engageFields = (agency: string, extra: Record<string, string>) => ({
  agencyId: orgIds.agency(agency),
  fee: "8.5",
  deadline,
  scope: "开展项目绩效评价并出具报告",
  ...extra,
});
const versionOf = async (id: string) =>
  (await db.select({ v: evaluations.version }).from(evaluations).where(eq(evaluations.id, id)))[0]!.v;
const statusOf = async (id: string) =>
  (await db.select({ s: evaluations.status }).from(evaluations).where(eq(evaluations.id, id)))[0]!.s;

/** The posted sheet of an evaluation with every line at `fill` of its maximum (or blank). */
async function sheetPost(evaluationId: string, fill: "full" | "blank" | "ninety") {
  const lines = await sheetLines(db, evaluationId);
  return {
    lineId: lines.map((l) => l.id),
    points: lines.map((l) =>
      fill === "blank" ? "" : fill === "full" ? l.maxPoints : (Number(l.maxPoints) * 0.9).toFixed(2),
    ),
    note: lines.map(() => ""),
  };
}

async function declareFor(user: CurrentUser, evaluationId: string, agencyId: string) {
  const staff = await staffOf(agencyId);
  return declare(user, {
    evaluationId,
    version: String(await versionOf(evaluationId)),
    staffIds: staff.slice(0, 2).map((s) => s.id),
    declaration: "评价小组成员与被评价部门均无利益冲突。",
    confirm: "on",
  });
}

beforeAll(async () => {
  t = await catalogTranslator();
  [admin, ag01, ag02, ag03, reviewer, approver, leader, expert] = await Promise.all([
    signedIn("finance_admin"),
    signedIn("agency"),
    signedIn("agency_ag02"),
    signedIn("agency_ag03"),
    signedIn("finance_reviewer"),
    signedIn("dept_approver"),
    signedIn("leader"),
    signedIn("expert"),
  ]);
});

describe("the seeded 2020 third-party evaluations (SPEC §10)", () => {
  it("are 21 settled projects of 4.70 亿元, 15 优秀 and 6 良好, each engaged, declared and rated", async () => {
    const [row] = await queryRows<{
      n: number;
      funds: string;
      excellent: number;
      good: number;
      rated: number;
      declared: number;
      agencies: number;
    }>(
      db,
      sql`select count(*)::int as n,
            round(sum(p.budget_current + p.budget_carryover + p.budget_other) / 100000000, 2)::text as funds,
            count(*) filter (where e.grade = 'EXCELLENT')::int as excellent,
            count(*) filter (where e.grade = 'GOOD')::int as good,
            count(r.id)::int as rated,
            count(g.declared_at)::int as declared,
            count(distinct g.agency_id)::int as agencies
          from evaluations e
          join projects p on p.id = e.project_id
          join engagements g on g.evaluation_id = e.id
          left join agency_ratings r on r.engagement_id = g.id
          where e.type = 'THIRD_PARTY' and e.year = 2020 and e.status = 'SETTLED'`,
    );
    expect(row).toEqual({
      n: 21,
      funds: "4.70",
      excellent: 15,
      good: 6,
      rated: 21,
      declared: 21,
      agencies: 5,
    });
  });

  it("each went through finance's quality review: accepted by finance, the returned ones with their reasons", async () => {
    const [row] = await queryRows<{
      accepted: number;
      returned: number;
      reasons: number;
      resubmitted: number;
    }>(
      db,
      sql`select
            count(*) filter (where t.to_status = 'SETTLED' and t.from_status = 'SUBMITTED'
              and u.role = 'FINANCE_ADMIN')::int as accepted,
            count(*) filter (where t.to_status = 'RETURNED' and u.role = 'FINANCE_ADMIN')::int as returned,
            count(*) filter (where t.to_status = 'RETURNED' and t.comment <> '')::int as reasons,
            count(*) filter (where t.from_status = 'RETURNED' and t.to_status = 'SUBMITTED'
              and u.role = 'AGENCY')::int as resubmitted
          from evaluations e join evaluation_transitions t on t.evaluation_id = e.id
          left join users u on u.id = t.actor_id
          where e.type = 'THIRD_PARTY' and e.year = 2020 and e.status = 'SETTLED'`,
    );
    expect(row!.accepted).toBe(21);
    expect(row!.returned).toBeGreaterThan(0);
    expect(row!.reasons).toBe(row!.returned);
    expect(row!.resubmitted).toBe(row!.returned);
    // Each rating's score is the sum of its criteria, within each criterion's points.
    const ratings = await queryRows<{ score: string; breakdown: Record<string, number> }>(
      db,
      sql`select r.score::text as score, r.breakdown from agency_ratings r
          join engagements g on g.id = r.engagement_id join evaluations e on e.id = g.evaluation_id
          where e.year = 2020`,
    );
    expect(ratings.length).toBeGreaterThanOrEqual(21);
    for (const r of ratings) expect(ratingTotal(r.breakdown)?.toFixed(2)).toBe(r.score);
  });

  it("never engaged an ineligible agency, nor AG01 on the department it declared a conflict with", async () => {
    const rows = await queryRows<{ code: string; dept: string }>(
      db,
      sql`select a.code, d.code as dept from engagements g
          join organisations a on a.id = g.agency_id
          join evaluations e on e.id = g.evaluation_id
          join projects p on p.id = e.project_id
          join organisations d on d.id = p.department_id`,
    );
    expect(rows.filter((r) => ["AG05", "AG06", "AG07"].includes(r.code))).toEqual([]);
    expect(rows.filter((r) => r.code === "AG01" && r.dept === "D01")).toEqual([]);
  });

  it("gives the demo agency account one engagement awaiting its declaration and one in progress", async () => {
    const { rows } = await listEngagements(ag01, { page: 1, year: 2021 });
    expect(rows.map((r) => r.status).sort()).toEqual(["DRAFT", "SCORING"]);
    // The engagement awaiting its declaration waits, unread, in the agency's to-dos.
    const awaiting = rows.find((r) => r.status === "DRAFT")!;
    const [todo] = await queryRows<{ unread: boolean }>(
      db,
      sql`select read_at is null as unread from notifications
          where recipient_id = ${ag01.id} and entity_id = ${awaiting.evaluationId} and title_key = 'engagementAssigned'`,
    );
    expect(todo?.unread).toBe(true);
  });
});

describe("who sees which engagement", () => {
  it("shows an agency its own engagements only; another agency's reads as not found", async () => {
    const own = await listEngagements(ag01, { page: 1 });
    expect(own.total).toBeGreaterThan(0);
    expect(new Set(own.rows.map((r) => r.agencyId))).toEqual(new Set([orgIds.agency("AG01")]));
    const other = (await listEngagements(ag02, { page: 1, year: 2020 })).rows[0]!;
    expect(await getEngagement(ag01, other.evaluationId)).toBeNull();
    // Actions on it are refused as not found, not as forbidden.
    const refused = failure(await declareFor(ag01, other.evaluationId, orgIds.agency("AG01")));
    expect(refused.code).toBe("NOT_FOUND");
    // Its files and its project's files are out of reach too.
    expect(await listAttachments(ag01, "engagement", other.evaluationId)).toBeNull();
    expect(await listAttachments(ag01, "project", other.projectId!)).toBeNull();
    expect(await listAttachments(ag02, "project", other.projectId!)).not.toBeNull();
    // A project no agency was engaged for is unreachable, as are its files.
    const never = await freshProject("D07");
    expect(await listAttachments(ag01, "project", never)).toBeNull();
  });

  it("lets finance admin and leaders see all, a reviewer its divisions' departments, a department its accepted results", async () => {
    const all = await listEngagements(admin, { page: 1, year: 2020 });
    expect(all.total).toBeGreaterThanOrEqual(21);
    expect((await listEngagements(leader, { page: 1, year: 2020 })).total).toBe(all.total);
    const covered = await queryRows<{ id: string }>(
      db,
      sql`select id from organisations where covering_division_id = ${reviewer.orgId}`,
    );
    const seen = await listEngagements(reviewer, { page: 1, year: 2020 });
    const depts = await queryRows<{ dept: string }>(
      db,
      sql`select coalesce(p.department_id, e.subject_org_id) as dept from engagements g
          join evaluations e on e.id = g.evaluation_id left join projects p on p.id = e.project_id
          where e.id in (${sql.join(
            seen.rows.map((r) => sql`${r.evaluationId}::uuid`),
            sql`, `,
          )})`,
    );
    expect(depts.every((d) => covered.some((c) => c.id === d.dept))).toBe(true);
    const mine = await listEngagements(approver, { page: 1 });
    const [own] = await queryRows<{ settled: number; open: number }>(
      db,
      sql`select count(*) filter (where e.status = 'SETTLED')::int as settled,
            count(*) filter (where e.status <> 'SETTLED')::int as open
          from engagements g join evaluations e on e.id = g.evaluation_id
          left join projects p on p.id = e.project_id
          where coalesce(p.department_id, e.subject_org_id) = ${approver.orgId}`,
    );
    expect(mine.total).toBe(own!.settled);
    expect(own!.open).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.status === "SETTLED")).toBe(true);
    expect(await listEngagements(expert, { page: 1 })).toMatchObject({ total: 0 });
  });
});

describe("engaging an agency", () => {
  it("refuses a conflicted, suspended, blacklisted-ever or recently violating agency with the reason on the agency field", async () => {
    const d01 = await freshProject("D01");
    const d02 = await freshProject("D02");
    const reasons = async (agency: string, projectId: string) =>
      failure(await engage(admin, engageFields(agency, { target: "PROJECT", projectId }))).fieldErrors
        ?.agencyId;
    expect(await reasons("AG01", d01)).toEqual(["t:errors.thirdParty.refused.conflict"]);
    expect(await reasons("AG07", d02)).toEqual(["t:errors.thirdParty.refused.notActive"]);
    expect(await reasons("AG06", d02)).toEqual(["t:errors.thirdParty.refused.blacklisted"]);
    expect(await reasons("AG05", d02)).toEqual(["t:errors.thirdParty.refused.recentViolation"]);
    // Nothing was created for the refused engagements.
    const [n] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from evaluations where type = 'THIRD_PARTY' and project_id in (${d01}::uuid, ${d02}::uuid)`,
    );
    expect(n!.n).toBe(0);
    // Only finance's performance division engages.
    expect(
      failure(await engage(reviewer, engageFields("AG02", { target: "PROJECT", projectId: d02 }))).code,
    ).toBe("FORBIDDEN");
  });

  it("runs a project's engagement: declare, report, return, fix, accept, rate — refusing the steps out of order", async () => {
    const projectId = await freshProject("D02");
    const engaged = await engage(admin, engageFields("AG02", { target: "PROJECT", projectId }));
    expect(engaged.ok).toBe(true);
    const id = (engaged as { data: { evaluationId: string } }).data.evaluationId;
    expect(await statusOf(id)).toBe("DRAFT");
    const [e] = await db.select().from(engagements).where(eq(engagements.evaluationId, id));
    expect(e).toMatchObject({ fee: "85000.00", deadline, agencyId: orgIds.agency("AG02") });
    // The same project cannot be engaged twice.
    expect(
      failure(await engage(admin, engageFields("AG03", { target: "PROJECT", projectId }))).fieldErrors
        ?.projectId,
    ).toEqual(["t:errors.thirdParty.alreadyEngaged"]);
    // Another agency cannot see it; the engaged one now reads the project's files.
    expect(await getEngagement(ag03, id)).toBeNull();
    expect(await listAttachments(ag02, "project", projectId)).not.toBeNull();

    // No scores before the declaration.
    const early = failure(
      await report(ag02, {
        evaluationId: id,
        version: String(await versionOf(id)),
        ...(await sheetPost(id, "full")),
        summary: GOOD_REPORT,
        submit: "on",
      }),
    );
    expect(early.code).toBe("INVALID_TRANSITION");
    expect(early.message).toBe("t:errors.thirdParty.declareFirst");
    // The declaration needs a team and the confirmation.
    const unconfirmed = failure(
      await declare(ag02, {
        evaluationId: id,
        version: String(await versionOf(id)),
        staffIds: [],
        declaration: "x",
      }),
    );
    expect(Object.keys(unconfirmed.fieldErrors ?? {}).sort()).toEqual(["confirm", "staffIds"]);
    expect((await declareFor(ag02, id, orgIds.agency("AG02"))).ok).toBe(true);
    expect(await statusOf(id)).toBe("SCORING");
    expect(failure(await declareFor(ag02, id, orgIds.agency("AG02"))).code).toBe("INVALID_TRANSITION");

    // Submitting needs every line scored and the report written; a save may leave lines blank.
    const blank = failure(
      await report(ag02, {
        evaluationId: id,
        version: String(await versionOf(id)),
        ...(await sheetPost(id, "blank")),
        summary: "",
        submit: "on",
      }),
    );
    expect(blank.fieldErrors?.summary).toEqual(["t:errors.thirdParty.reportRequired"]);
    expect(blank.fieldErrors?.["lines.0.points"]).toEqual(["t:errors.evaluations.pointsRequired"]);
    expect(
      (
        await report(ag02, {
          evaluationId: id,
          version: String(await versionOf(id)),
          ...(await sheetPost(id, "blank")),
          summary: "",
        })
      ).ok,
    ).toBe(true);
    // A stale version is a conflict, never a silent overwrite.
    expect(
      failure(
        await report(ag02, {
          evaluationId: id,
          version: "1",
          ...(await sheetPost(id, "full")),
          summary: GOOD_REPORT,
        }),
      ).code,
    ).toBe("CONFLICT");
    const submitted = await report(ag02, {
      evaluationId: id,
      version: String(await versionOf(id)),
      ...(await sheetPost(id, "ninety")),
      summary: GOOD_REPORT,
      findingId: [""],
      problem: ["资金支付进度偏慢"],
      requirement: ["加快支付"],
      findingDue: ["2030-12-31"],
      submit: "on",
    });
    expect(submitted).toMatchObject({ ok: true, data: { submitted: true, grade: "EXCELLENT" } });
    expect(await statusOf(id)).toBe("SUBMITTED");
    // The agency can no longer change it; finance cannot rate before accepting.
    expect(
      failure(
        await report(ag02, {
          evaluationId: id,
          version: String(await versionOf(id)),
          ...(await sheetPost(id, "full")),
          summary: GOOD_REPORT,
        }),
      ).code,
    ).toBe("INVALID_TRANSITION");
    const ratingInput = {
      evaluationId: id,
      quality: "36",
      timeliness: "18",
      independence: "19",
      compliance: "17.5",
      comment: "报告规范",
    };
    expect(failure(await rate(admin, ratingInput)).message).toBe("t:errors.thirdParty.rateAfterAccept");

    // A return says why.
    const noReason = failure(
      await review(admin, {
        evaluationId: id,
        version: String(await versionOf(id)),
        decision: "RETURN",
        comment: "",
      }),
    );
    expect(noReason.fieldErrors?.comment).toEqual(["t:validation.returnReason"]);
    expect(
      (
        await review(admin, {
          evaluationId: id,
          version: String(await versionOf(id)),
          decision: "RETURN",
          comment: "请补充满意度调查样本说明",
        })
      ).ok,
    ).toBe(true);
    expect(await statusOf(id)).toBe("RETURNED");
    expect(
      failure(
        await review(admin, { evaluationId: id, version: String(await versionOf(id)), decision: "ACCEPT" }),
      ).code,
    ).toBe("INVALID_TRANSITION");
    // The agency fixes and resubmits; finance accepts: total and grade stored from the sheet.
    expect(
      (
        await report(ag02, {
          evaluationId: id,
          version: String(await versionOf(id)),
          ...(await sheetPost(id, "full")),
          summary: `${GOOD_REPORT}已补充样本说明。`,
          submit: "on",
        })
      ).ok,
    ).toBe(true);
    expect(
      (await review(admin, { evaluationId: id, version: String(await versionOf(id)), decision: "ACCEPT" }))
        .ok,
    ).toBe(true);
    const [done] = await db.select().from(evaluations).where(eq(evaluations.id, id));
    expect(done).toMatchObject({ status: "SETTLED", totalScore: "100.00", grade: "EXCELLENT" });
    expect(
      (await db.select().from(engagements).where(eq(engagements.evaluationId, id)))[0]!.acceptedAt,
    ).not.toBeNull();

    // One rating per engagement, and it joins the agency's rating history.
    expect(failure(await rate(admin, { ...ratingInput, quality: "41" })).fieldErrors?.quality).toEqual([
      "t:validation.ratingOverMax",
    ]);
    expect(await rate(admin, ratingInput)).toMatchObject({ ok: true, data: { score: "90.50" } });
    expect(failure(await rate(admin, ratingInput)).message).toBe("t:errors.thirdParty.alreadyRated");
    const registry = await getAgency(admin, orgIds.agency("AG02"));
    expect(registry!.ratings.some((r) => r.score === "90.50" && r.comment === "报告规范")).toBe(true);

    // Each hand-off told its side: the agency's own staff, or finance; no other agency, no department.
    const ag02Staff = await activeUserIds(sql`role = 'AGENCY' and org_id = ${orgIds.agency("AG02")}`);
    const admins = await activeUserIds(sql`role = 'FINANCE_ADMIN'`);
    expect(ag02Staff).toContain(ag02.id);
    expect(await recipientsOf(id, "engagementAssigned")).toEqual(ag02Staff);
    expect(await recipientsOf(id, "engagementSubmitted")).toEqual(admins);
    expect(await recipientsOf(id, "engagementReturned")).toEqual(ag02Staff);
    expect((await latestParams(id, "engagementReturned"))?.reason).toBe("请补充满意度调查样本说明");
    expect(await recipientsOf(id, "engagementAccepted")).toEqual(ag02Staff);
    const everyone = await db
      .selectDistinct({ id: notifications.recipientId })
      .from(notifications)
      .where(eq(notifications.entityId, id));
    expect(everyone.map((r) => r.id).sort()).toEqual([...new Set([...ag02Staff, ...admins])].sort());
    expect(everyone.map((r) => r.id)).not.toContain(ag03.id);
  });

  it("keeps an agency's report files to that agency and finance", async () => {
    const projectId = await freshProject("D05");
    const engaged = await engage(admin, engageFields("AG03", { target: "PROJECT", projectId }));
    const id = (engaged as { data: { evaluationId: string } }).data.evaluationId;
    // No files before the declaration.
    expect(failure(await uploadAttachmentAs(t, ag03, id, fileOf("evidence.pdf"), "engagement")).code).toBe(
      "FORBIDDEN",
    );
    expect((await declareFor(ag03, id, orgIds.agency("AG03"))).ok).toBe(true);
    const uploaded = await uploadAttachmentAs(t, ag03, id, fileOf("evidence.pdf"), "engagement");
    expect(uploaded.ok).toBe(true);
    const fileId = (uploaded as { data: { id: string } }).data.id;
    expect(await findReadableAttachment(ag03, fileId)).not.toBeNull();
    expect(await findReadableAttachment(admin, fileId)).not.toBeNull();
    expect(await findReadableAttachment(ag01, fileId)).toBeNull();
    expect(await findReadableAttachment(approver, fileId)).toBeNull();
    expect(failure(await uploadAttachmentAs(t, ag01, id, fileOf("evidence.pdf"), "engagement")).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("the field evaluation of a department-wide evaluation", () => {
  const dept = DEPARTMENTS[DEPARTMENTS.length - 1]!.code;
  const other = DEPARTMENTS[DEPARTMENTS.length - 2]!.code;

  it("is engaged once the department has filed its own, and runs through the same steps on its sheet", async () => {
    const template = await templateFor(db, 2022, "DEPT_OVERALL");
    const make = (code: string, status: "DRAFT" | "RECEIVED") =>
      db.transaction((tx) =>
        createFromTemplate(tx, {
          type: "DEPT_OVERALL",
          year: 2022,
          subjectOrgId: orgIds.department(code),
          templateId: template.id,
          status,
          createdBy: admin.id,
        }),
      );
    const received = await make(dept, "RECEIVED");
    const draft = await make(other, "DRAFT");
    // Not yet filed by the department: no agency yet.
    expect(
      failure(await engage(admin, engageFields("AG04", { target: "DEPT_OVERALL", evaluationId: draft.id })))
        .fieldErrors?.evaluationId,
    ).toEqual(["t:errors.thirdParty.notReceived"]);
    expect(
      (await engage(admin, engageFields("AG04", { target: "DEPT_OVERALL", evaluationId: received.id }))).ok,
    ).toBe(true);
    expect(await statusOf(received.id)).toBe("RECEIVED");
    const ag04 = await signedIn("agency_ag04");
    expect((await declareFor(ag04, received.id, orgIds.agency("AG04"))).ok).toBe(true);
    expect(await statusOf(received.id)).toBe("SCORING");
    expect(
      (
        await report(ag04, {
          evaluationId: received.id,
          version: String(await versionOf(received.id)),
          ...(await sheetPost(received.id, "ninety")),
          summary: "现场评价报告",
          submit: "on",
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await review(admin, {
          evaluationId: received.id,
          version: String(await versionOf(received.id)),
          decision: "ACCEPT",
        })
      ).ok,
    ).toBe(true);
    const [done] = await db
      .select({ status: evaluations.status, grade: evaluations.grade })
      .from(evaluations)
      .where(eq(evaluations.id, received.id));
    expect(done).toEqual({ status: "SETTLED", grade: "EXCELLENT" });
    // The settled result reaches the department's approvers, and no other department's.
    const approvers = await activeUserIds(
      sql`role = 'DEPT_APPROVER' and org_id = ${orgIds.department(dept)}`,
    );
    expect(approvers.length).toBeGreaterThan(0);
    expect(await recipientsOf(received.id, "overallSettled")).toEqual(approvers);
    expect(await recipientsOf(received.id, "engagementAssigned")).toEqual(
      await activeUserIds(sql`role = 'AGENCY' and org_id = ${orgIds.agency("AG04")}`),
    );
    // Other agencies still cannot see it.
    expect(await getEngagement(ag01, received.id)).toBeNull();
  });
});
