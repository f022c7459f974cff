import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { gradeOf, toHundredths, totalScore } from "@/domain/evaluation";
import { inUnit } from "@/domain/money";
import {
  createKeyDefinition,
  reviewKeyDefinition,
  runCreateKey,
  runReviewKey,
  runSaveKeySheet,
  saveKeySheetDefinition,
} from "@/features/key-evaluation/definitions";
import {
  getKeyEvaluation,
  listKeyEvaluations,
  projectKeyEvaluations,
} from "@/features/key-evaluation/queries";
import { raiseItemDefinition, runRaiseItem } from "@/features/rectification/definitions";
import { db } from "@/server/db";
import {
  evaluationAssignees,
  evaluationFindings,
  evaluations,
  evaluationScores,
  evaluationTemplates,
  projects,
  rectificationItems,
} from "@/server/schema";
import { templateSeedId } from "@/server/seed/evaluation-templates";
import type { CurrentUser } from "@/server/session";
import { caller, ok } from "../factories/actions";
import { failure } from "../factories/messages";
import { activeUserIds, latestParams, recipientsOf } from "../factories/notifications";
import { withOwnSeededDatabase } from "../factories/own-database";
import { signedIn } from "../factories/users";

// It opens key evaluations and raises a rectification item in 区科技局, which other files count: on
// the server, in a database of its own.
withOwnSeededDatabase();

/** The rows of a raw query, whichever driver runs it. */
const rowsOf = (result: unknown) => (result as { rows: unknown[] }).rows;
const create = caller(createKeyDefinition, runCreateKey);
const save = caller(saveKeySheetDefinition, runSaveKeySheet);
const review = caller(reviewKeyDefinition, runReviewKey);
const raise = caller(raiseItemDefinition, runRaiseItem);
let admin: CurrentUser;
let lead: CurrentUser; // finance_reviewer
let member: CurrentUser; // reviewer_ys
let outsider: CurrentUser; // reviewer_xz, not assigned
let leader: CurrentUser;
let filer: CurrentUser; // dept_filer, a unit of 区科技局 (D03)
let approverD03: CurrentUser;
let approverD01: CurrentUser;
let agency: CurrentUser;
let expert: CurrentUser;

/** Two 2021 projects without a key evaluation: one of dept_filer's unit, one elsewhere. */
async function freeProjects() {
  const free = sql`not exists (select 1 from evaluations e where e.project_id = ${projects.id} and e.type = 'KEY')`;
  const [own] = await db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(and(eq(projects.year, 2021), eq(projects.unitId, filer.orgId!), free))
    .orderBy(asc(projects.code))
    .limit(1);
  const [other] = await db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(and(eq(projects.year, 2021), sql`${projects.departmentId} <> ${approverD03.orgId}`, free))
    .orderBy(asc(projects.code))
    .limit(1);
  return { own: own!, other: other! };
}

const sheet = async (id: string) =>
  db
    .select({ id: evaluationScores.id, maxPoints: evaluationScores.maxPoints })
    .from(evaluationScores)
    .where(eq(evaluationScores.evaluationId, id))
    .orderBy(asc(evaluationScores.sortOrder), asc(evaluationScores.id));
const head = async (id: string) => (await db.select().from(evaluations).where(eq(evaluations.id, id)))[0]!;
/** The sheet as the form posts it, with findings. */
const post = (
  id: string,
  version: number,
  lines: { id: string; maxPoints: string }[],
  points: (max: string, i: number) => string,
  extra: Record<string, unknown> = {},
) => ({
  evaluationId: id,
  version: String(version),
  lineId: lines.map((l) => l.id),
  points: lines.map((l, i) => points(l.maxPoints, i)),
  note: lines.map((_, i) => (i === 0 ? "资料不全扣分" : "")),
  findingId: [""],
  problem: ["项目档案资料不完整"],
  requirement: ["补齐合同和验收资料"],
  findingDue: ["2022-12-31"],
  ...extra,
});

beforeAll(async () => {
  [admin, lead, member, outsider, leader, filer, approverD03, approverD01, agency, expert] =
    await Promise.all([
      signedIn("finance_admin"),
      signedIn("finance_reviewer"),
      signedIn("reviewer_ys"),
      signedIn("reviewer_xz"),
      signedIn("leader"),
      signedIn("dept_filer"),
      signedIn("dept_approver"),
      signedIn("approver_d01"),
      signedIn("agency"),
      signedIn("expert"),
    ]);
});

describe("seeded key evaluations (SPEC §10)", () => {
  it("are 6 settled evaluations of 2020 projects worth 2.12 亿元, by independent SQL", async () => {
    const [row] = rowsOf(
      await db.execute(sql`
        select count(*)::int as n,
               sum(p.budget_current + p.budget_carryover + p.budget_other)::text as funds,
               sum(e.budget_total)::text as stated
        from evaluations e join projects p on p.id = e.project_id
        where e.type = 'KEY' and e.year = 2020 and e.status = 'SETTLED'`),
    ) as { n: number; funds: string; stated: string }[];
    expect(row!.n).toBe(6);
    expect(inUnit(row!.funds, "yi", 2)).toBe("2.12");
    expect(row!.stated).toBe(row!.funds);
  });

  it("store totals and grades that follow from their sheets, and each has findings with requirements", async () => {
    const rows = await db
      .select()
      .from(evaluations)
      .where(and(eq(evaluations.type, "KEY"), eq(evaluations.year, 2020)));
    for (const ev of rows) {
      const lines = await db.select().from(evaluationScores).where(eq(evaluationScores.evaluationId, ev.id));
      const total = totalScore(
        lines.map((l) => ({ points: l.points ?? "", maxPoints: l.maxPoints })),
        0,
      );
      expect(toHundredths(ev.totalScore)).toBe(total);
      expect(ev.grade).toBe(gradeOf(total));
      const [f] = rowsOf(
        await db.execute(
          sql`select count(*)::int as n from evaluation_findings where evaluation_id = ${ev.id} and requirement <> ''`,
        ),
      ) as { n: number }[];
      expect(f!.n).toBeGreaterThan(0);
    }
  });

  it("give the demo finance_reviewer a 2021 evaluation to lead in scoring", async () => {
    const { rows } = await listKeyEvaluations(lead, { year: 2021, page: 1, status: "SCORING" });
    expect(rows.length).toBeGreaterThanOrEqual(1);
    const detail = await getKeyEvaluation(lead, rows[0]!.id);
    expect(detail!.reviewers.find((r) => r.id === lead.id)!.lead).toBe(1);
    // Its assignment waits in the reviewers' to-dos.
    expect(await recipientsOf(rows[0]!.id, "keyAssigned")).toEqual(detail!.reviewers.map((r) => r.id).sort());
  });

  it("are seen by a department's users only for their own projects, once settled", async () => {
    expect((await listKeyEvaluations(approverD03, { year: 2020, page: 1 })).total).toBe(0);
    expect((await listKeyEvaluations(filer, { year: 2020, page: 1 })).total).toBe(0);
    const d01 = await listKeyEvaluations(approverD01, { year: 2020, page: 1 });
    expect(d01.total).toBe(1);
    expect(d01.rows[0]!.code.startsWith("2020-D01-")).toBe(true);
    expect((await listKeyEvaluations(leader, { year: 2020, page: 1 })).total).toBe(6);
  });
});

describe("the key evaluation flow", () => {
  let ownId: string;
  let otherId: string;

  it("is opened by finance admin only, from the project's template, in SCORING", async () => {
    const { own, other } = await freeProjects();
    const input = {
      year: "2021",
      projectIds: [own.id, other.id],
      reviewerIds: [lead.id, member.id],
      leadId: lead.id,
      dueDate: "2022-09-30",
    };
    expect(failure(await create(lead, input)).code).toBe("FORBIDDEN");
    const created = ok<{ ids: string[] }>(await create(admin, input));
    expect(created.ids).toHaveLength(2);
    const evs = await Promise.all(created.ids.map(head));
    ownId = evs.find((e) => e.projectId === own.id)!.id;
    otherId = evs.find((e) => e.projectId === other.id)!.id;
    const ev = await head(ownId);
    expect(ev.status).toBe("SCORING");
    const [p] = await db.select().from(projects).where(eq(projects.id, own.id));
    const [tpl] = await db
      .select()
      .from(evaluationTemplates)
      .where(eq(evaluationTemplates.id, ev.templateId!));
    expect(tpl!.year).toBe(2021);
    expect(tpl!.id).toBe(templateSeedId(2021, `PROJECT_${p!.specialArea}`));
    expect((await sheet(ownId)).length).toBeGreaterThan(10);
    const team = await db
      .select()
      .from(evaluationAssignees)
      .where(eq(evaluationAssignees.evaluationId, ownId));
    expect(team.map((a) => [a.userId, a.lead]).sort()).toEqual(
      [
        [lead.id, 1],
        [member.id, 0],
      ].sort(),
    );
  });

  it("refuses a project that already has one, on the project field, creating nothing", async () => {
    const { other } = await freeProjects();
    const before = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(evaluations)
      .where(eq(evaluations.type, "KEY"));
    const r = failure(
      await create(admin, {
        year: "2021",
        projectIds: [other.id, (await head(ownId)).projectId!],
        reviewerIds: [lead.id],
        leadId: lead.id,
        dueDate: "2022-09-30",
      }),
    );
    expect(r.code).toBe("VALIDATION");
    expect(r.fieldErrors!.projectIds).toEqual(["t:errors.keyEvaluation.alreadyEvaluated"]);
    const after = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(evaluations)
      .where(eq(evaluations.type, "KEY"));
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("refuses reviewers who are not finance reviewers and a lead outside the team", async () => {
    const { other } = await freeProjects();
    const base = { year: "2021", projectIds: [other.id], dueDate: "2022-09-30" };
    const notReviewer = failure(
      await create(admin, { ...base, reviewerIds: [expert.id], leadId: expert.id }),
    );
    expect(notReviewer.fieldErrors!.reviewerIds).toEqual(["t:errors.keyEvaluation.notReviewer"]);
    const badLead = failure(await create(admin, { ...base, reviewerIds: [lead.id], leadId: member.id }));
    expect(badLead.fieldErrors!.leadId).toEqual(["t:validation.leadNotReviewer"]);
  });

  it("is not found for an unassigned reviewer, an agency or an expert, and hidden from departments while open", async () => {
    expect(await getKeyEvaluation(outsider, ownId)).toBeNull();
    const lines = await sheet(ownId);
    const ev = await head(ownId);
    expect(
      failure(
        await save(
          outsider,
          post(ownId, ev.version, lines, (m) => m),
        ),
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      failure(
        await save(
          agency,
          post(ownId, ev.version, lines, (m) => m),
        ),
      ).code,
    ).toBe("FORBIDDEN");
    expect(await getKeyEvaluation(agency, ownId)).toBeNull();
    expect(await getKeyEvaluation(expert, ownId)).toBeNull();
    expect((await listKeyEvaluations(agency, { year: 2021, page: 1 })).total).toBe(0);
    expect(await getKeyEvaluation(filer, ownId)).toBeNull();
    expect((await getKeyEvaluation(leader, ownId))!.head.projectVisible).toBe(true);
  });

  it("lets a member save but only the lead submit, with every line scored and a conclusion", async () => {
    const lines = await sheet(ownId);
    let ev = await head(ownId);
    ok(
      await save(
        member,
        post(ownId, ev.version, lines, (m, i) => (i === 0 ? "" : m), { summary: "初稿" }),
      ),
    );
    ev = await head(ownId);
    const notLead = failure(
      await save(
        member,
        post(ownId, ev.version, lines, (m) => m, { submit: "on", summary: "结论" }),
      ),
    );
    expect(notLead.code).toBe("FORBIDDEN");
    const blanks = failure(
      await save(
        lead,
        post(ownId, ev.version, lines, (m, i) => (i === 0 ? "" : m), { submit: "on", summary: "" }),
      ),
    );
    expect(blanks.code).toBe("VALIDATION");
    expect(blanks.fieldErrors!["lines.0.points"]).toEqual(["t:errors.evaluations.pointsRequired"]);
    expect(blanks.fieldErrors!.summary).toEqual(["t:errors.keyEvaluation.summaryRequired"]);
    const over = failure(
      await save(
        lead,
        post(ownId, ev.version, lines, (m, i) => (i === 1 ? "99" : m)),
      ),
    );
    expect(over.fieldErrors!["lines.1.points"]).toEqual(["t:errors.evaluations.overMax"]);
    // The first line loses one point.
    const submitted = ok<{ status: string }>(
      await save(
        lead,
        post(ownId, ev.version, lines, (m, i) => (i === 0 ? String(Number(m) - 1) : m), {
          submit: "on",
          summary: "总体较好",
        }),
      ),
    );
    expect(submitted.status).toBe("SUBMITTED");
    ev = await head(ownId);
    expect(ev.totalScore).toBe("99.00");
    expect(ev.grade).toBe("EXCELLENT");
    const detail = await getKeyEvaluation(lead, ownId);
    expect(detail!.findings.map((f) => [f.problem, f.requirement, f.dueDate])).toEqual([
      ["项目档案资料不完整", "补齐合同和验收资料", "2022-12-31"],
    ]);
    const late = failure(
      await save(
        lead,
        post(ownId, ev.version, lines, (m) => m),
      ),
    );
    expect(late.code).toBe("INVALID_TRANSITION");
  });

  it("is returned by finance with a reason, fixed and resubmitted, then approved with its grade", async () => {
    let ev = await head(ownId);
    expect(
      failure(await review(lead, { evaluationId: ownId, version: ev.version, decision: "APPROVE" })).code,
    ).toBe("FORBIDDEN");
    const noReason = failure(
      await review(admin, { evaluationId: ownId, version: ev.version, decision: "RETURN", reason: "" }),
    );
    expect(noReason.fieldErrors!.reason).toEqual(["t:validation.returnComment"]);
    const stale = failure(
      await review(admin, { evaluationId: ownId, version: ev.version - 1, decision: "RETURN", reason: "x" }),
    );
    expect(stale.code).toBe("CONFLICT");
    ok(
      await review(admin, {
        evaluationId: ownId,
        version: ev.version,
        decision: "RETURN",
        reason: "扣分依据不充分",
      }),
    );
    ev = await head(ownId);
    expect(ev.status).toBe("RETURNED");
    expect(
      failure(await review(admin, { evaluationId: ownId, version: ev.version, decision: "APPROVE" })).code,
    ).toBe("INVALID_TRANSITION");
    const lines = await sheet(ownId);
    // The fix: 12 points off the first lines, for a total of 88 (良).
    let left = 1200;
    const points = (m: string) => {
      const h = toHundredths(m)!;
      const cut = Math.min(h, left);
      left -= cut;
      return ((h - cut) / 100).toFixed(2);
    };
    ok(
      await save(
        lead,
        post(ownId, ev.version, lines, (m) => points(m), { submit: "on", summary: "已补充扣分依据" }),
      ),
    );
    ev = await head(ownId);
    expect(ev.status).toBe("SUBMITTED");
    ok(await review(admin, { evaluationId: ownId, version: ev.version, decision: "APPROVE", reason: "" }));
    ev = await head(ownId);
    expect(ev.status).toBe("SETTLED");
    expect(ev.totalScore).toBe("88.00");
    expect(ev.grade).toBe("GOOD");
    expect(ev.completedAt).not.toBeNull();
    const history = (await getKeyEvaluation(admin, ownId))!.history.map((h) => [h.toStatus, h.comment]);
    expect(history).toEqual([
      ["SCORING", ""],
      ["SUBMITTED", ""],
      ["RETURNED", "扣分依据不充分"],
      ["SUBMITTED", ""],
      ["SETTLED", ""],
    ]);
  });

  it("told the assigned reviewers and finance of each hand-off, and nobody else", async () => {
    const team = [lead.id, member.id].sort();
    const admins = await activeUserIds(sql`role = 'FINANCE_ADMIN'`);
    expect(await recipientsOf(ownId, "keyAssigned")).toEqual(team);
    expect(await recipientsOf(ownId, "keySubmitted")).toEqual(admins);
    expect(await recipientsOf(ownId, "keyReturned")).toEqual(team);
    expect((await latestParams(ownId, "keyReturned"))?.reason).toBe("扣分依据不充分");
    expect(await recipientsOf(ownId, "keyApproved")).toEqual(team);
    // The other project's evaluation was only assigned; the unassigned reviewer heard of neither.
    expect(await recipientsOf(otherId, "keySubmitted")).toEqual([]);
    const all = await db.execute(
      sql`select distinct recipient_id from notifications where entity_id in (${ownId}, ${otherId})`,
    );
    const ids = (rowsOf(all) as { recipient_id: string }[]).map((r) => r.recipient_id);
    expect(ids).not.toContain(outsider.id);
    expect(ids.every((id) => team.includes(id) || admins.includes(id))).toBe(true);
  });

  it("once settled, shows to the project's own unit and department but not to other units", async () => {
    expect((await getKeyEvaluation(filer, ownId))!.head.projectVisible).toBe(true);
    expect(await getKeyEvaluation(approverD03, ownId)).not.toBeNull();
    expect(await getKeyEvaluation(approverD01, ownId)).toBeNull();
    expect(await getKeyEvaluation(filer, otherId)).toBeNull();
    const own = await head(ownId);
    expect((await projectKeyEvaluations(filer, own.projectId!)).map((r) => r.id)).toEqual([ownId]);
    const other = await head(otherId);
    expect(await projectKeyEvaluations(filer, other.projectId!)).toEqual([]);
    const lines = await sheet(ownId);
    expect(
      failure(
        await save(
          filer,
          post(ownId, own.version, lines, (m) => m),
        ),
      ).code,
    ).toBe("FORBIDDEN");
  });

  it("hands its findings to rectification: finance raises an item from one, for the project's department and unit", async () => {
    const [finding] = await db
      .select({ id: evaluationFindings.id, problem: evaluationFindings.problem })
      .from(evaluationFindings)
      .where(eq(evaluationFindings.evaluationId, ownId));
    expect(finding!.problem).toBe("项目档案资料不完整");
    const raised = ok<{ id: string }>(
      await raise(admin, {
        findingId: finding!.id,
        problem: finding!.problem,
        requirement: "补齐合同和验收资料",
        deadline: "2030-12-31",
      }),
    );
    const [item] = await db.select().from(rectificationItems).where(eq(rectificationItems.id, raised.id));
    const own = await head(ownId);
    const [p] = await db.select().from(projects).where(eq(projects.id, own.projectId!));
    expect(item).toMatchObject({
      sourceType: "KEY",
      sourceId: ownId,
      findingId: finding!.id,
      departmentId: p!.departmentId,
      status: "OPEN",
    });
    // An unknown finding is not found.
    expect(
      failure(
        await raise(admin, {
          findingId: "00000000-0000-4000-8000-000000000000",
          problem: "x",
          requirement: "y",
          deadline: "2030-12-31",
        }),
      ).code,
    ).toBe("NOT_FOUND");
  });

  it("records who did what in the audit log", async () => {
    const rows = rowsOf(
      await db.execute(sql`select action from audit_log where entity_id = ${ownId} order by at`),
    ) as { action: string }[];
    const actions = rows.map((r) => r.action);
    expect(actions).toContain("keyEvaluation.created");
    expect(actions).toContain("keyEvaluation.saved");
    expect(actions.filter((a) => a === "keyEvaluation.submitted")).toHaveLength(2);
    expect(actions).toContain("keyEvaluation.returned");
    expect(actions).toContain("keyEvaluation.approved");
  });
});
