import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifyProjectHandoff } from "@/features/notifications/hand-offs";
import { remindDeadlines } from "@/features/notifications/reminders";
import { listNotifications } from "@/features/notifications/queries";
import {
  raiseItemDefinition,
  replyItemDefinition,
  runRaiseItem,
  runReplyItem,
  runVerifyItem,
  verifyItemDefinition,
} from "@/features/rectification/definitions";
import { getItem, listItems } from "@/features/rectification/queries";
import { runSaveApplication, saveApplicationDefinition } from "@/features/results/definitions";
import { listResults, summaryByDepartment } from "@/features/results/queries";
import { db, queryRows } from "@/server/db";
import {
  notifications,
  rectificationEvents,
  rectificationItems,
  samplingFeedback,
  users,
} from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { caller, ok } from "../factories/actions";
import { failure } from "../factories/messages";
import { signedIn } from "../factories/users";

const raise = caller(raiseItemDefinition, runRaiseItem);
const reply = caller(replyItemDefinition, runReplyItem);
const verify = caller(verifyItemDefinition, runVerifyItem);
const saveApplication = caller(saveApplicationDefinition, runSaveApplication);

let admin: CurrentUser;
let reviewer: CurrentUser;
let approver: CurrentUser; // dept_approver, 区科技局 (D03)
let filer: CurrentUser; // dept_filer, a unit of D03
let otherFiler: CurrentUser; // filer_d03_1, another unit of D03
let otherApprover: CurrentUser; // approver_d01, another department
let feedbackId: string;

beforeAll(async () => {
  [admin, reviewer, approver, filer, otherFiler, otherApprover] = await Promise.all(
    ["finance_admin", "finance_reviewer", "dept_approver", "dept_filer", "filer_d03_1", "approver_d01"].map(
      signedIn,
    ),
  );
  const [fb] = await db
    .select({ id: samplingFeedback.id })
    .from(samplingFeedback)
    .where(eq(samplingFeedback.departmentId, approver.departmentId!));
  feedbackId = fb!.id;
});

const inTime = "2099-12-31";

describe("rectification items", () => {
  it("are seeded from each finding of the evaluations settled in the work year 2021, closed, open and overdue", async () => {
    const rows = await queryRows<{
      findings: number;
      items: number;
      closed: number;
      open: number;
      overdue: number;
      misplaced: number;
    }>(
      db,
      sql`select
            (select count(*)::int from evaluation_findings f join evaluations e on e.id = f.evaluation_id
              where e.status = 'SETTLED' and e.type in ('KEY', 'THIRD_PARTY', 'DEPT_OVERALL', 'TOWNSHIP_FISCAL')
                and extract(year from e.completed_at) = 2021) as findings,
            count(*)::int as items,
            count(*) filter (where i.status = 'CLOSED')::int as closed,
            count(*) filter (where i.status = 'OPEN')::int as open,
            count(*) filter (where i.status <> 'CLOSED' and i.deadline < (now() at time zone 'Asia/Shanghai')::date)::int as overdue,
            count(*) filter (where i.department_id <> coalesce(p.department_id, e.subject_org_id)
              or i.source_type::text <> e.type::text)::int as misplaced
          from rectification_items i
          join evaluation_findings f on f.id = i.finding_id
          join evaluations e on e.id = f.evaluation_id
          left join projects p on p.id = e.project_id
          where extract(year from e.completed_at) = 2021`,
    );
    const r = rows[0]!;
    expect(r.findings).toBeGreaterThan(0);
    expect(r.items).toBe(r.findings);
    expect(r.closed).toBeGreaterThan(0);
    expect(r.open).toBeGreaterThan(0);
    expect(r.overdue).toBeGreaterThan(0);
    expect(r.misplaced).toBe(0);
  });

  it("are seeded for 区科技局 with open, closed and overdue ones, and scoped by department and unit", async () => {
    const all = await listItems(admin, { page: 1 });
    expect(all.total).toBeGreaterThan(20);
    const mine = await listItems(approver, { page: 1 });
    const [count] = await queryRows<{ n: number; overdue: number; closed: number }>(
      db,
      sql`select count(*)::int n,
            count(*) filter (where status <> 'CLOSED' and deadline < (now() at time zone 'Asia/Shanghai')::date)::int overdue,
            count(*) filter (where status = 'CLOSED')::int closed
          from rectification_items where department_id = ${approver.departmentId}`,
    );
    expect(mine.total).toBe(count!.n);
    expect(count!.overdue).toBeGreaterThan(0);
    expect(count!.closed).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.departmentName === mine.rows[0]!.departmentName)).toBe(true);
    // Overdue first, and flagged by the domain rule.
    expect(mine.rows[0]!.overdue).toBe(true);
    const overdueOnly = await listItems(approver, { page: 1, overdue: "1" });
    expect(overdueOnly.total).toBe(count!.overdue);
    // Another department's item reads as not found.
    const [foreign] = await db
      .select({ id: rectificationItems.id })
      .from(rectificationItems)
      .where(sql`${rectificationItems.departmentId} <> ${approver.departmentId}`)
      .limit(1);
    expect(await getItem(approver, foreign!.id)).toBeNull();
    expect(await getItem(admin, foreign!.id)).not.toBeNull();
    // A filer sees only the items naming its own unit.
    const filerItems = await listItems(filer, { page: 1 });
    const [own] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from rectification_items where unit_id = ${filer.orgId}`,
    );
    expect(filerItems.total).toBe(own!.n);
  });

  it("are raised by finance from a feedback, replied by the department, reopened and closed, keeping history", async () => {
    // The department is read from the feedback; the unit must be one of that department's.
    const foreignUnit = otherApprover.orgId!;
    const bad = failure(
      await raise(admin, {
        feedbackId,
        unitId: foreignUnit,
        problem: "佐证材料不全",
        requirement: "补充佐证材料",
        deadline: inTime,
      }),
    );
    expect(bad.fieldErrors?.unitId).toEqual(["t:errors.rectification.notOfSource"]);
    // Not finance: refused.
    expect(
      failure(await raise(approver, { feedbackId, problem: "x", requirement: "y", deadline: inTime })).code,
    ).toBe("FORBIDDEN");

    const { id } = ok(
      await raise(admin, {
        feedbackId,
        unitId: filer.orgId!,
        problem: "集成测试：自评佐证材料不完整",
        requirement: "补充完善佐证材料并报送",
        deadline: inTime,
      }),
    );
    const [item] = await db.select().from(rectificationItems).where(eq(rectificationItems.id, id));
    expect(item).toMatchObject({
      sourceType: "SAMPLED",
      sourceId: feedbackId,
      departmentId: approver.departmentId,
      unitId: filer.orgId,
      status: "OPEN",
    });
    // The department's approver and the unit's filers got the to-do; nobody else.
    const raised = await db
      .select({ recipientId: notifications.recipientId, kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.entityId, id));
    const recipients = raised.map((r) => r.recipientId);
    expect(recipients).toContain(approver.id);
    expect(recipients).toContain(filer.id);
    expect(recipients).not.toContain(otherFiler.id);
    expect(recipients).not.toContain(otherApprover.id);
    expect(raised.every((r) => r.kind === "ASSIGNED")).toBe(true);

    // Replies by the wrong department or another unit's filer are refused as not found.
    expect(failure(await reply(otherApprover, { itemId: id, version: "1", measures: "x" })).code).toBe(
      "NOT_FOUND",
    );
    expect(failure(await reply(otherFiler, { itemId: id, version: "1", measures: "x" })).code).toBe(
      "NOT_FOUND",
    );
    // Finance does not reply; the department does not verify.
    expect(failure(await reply(admin, { itemId: id, version: "1", measures: "x" })).code).toBe("FORBIDDEN");
    expect(
      failure(await reply(approver, { itemId: id, version: "1", measures: "" })).fieldErrors?.measures,
    ).toBeDefined();
    ok(await reply(approver, { itemId: id, version: "1", measures: "已补充佐证材料" }));
    expect(
      failure(await verify(approver, { itemId: id, version: "2", decision: "close", comment: "" })).code,
    ).toBe("FORBIDDEN");
    expect(
      failure(await verify(filer, { itemId: id, version: "2", decision: "reopen", comment: "x" })).code,
    ).toBe("FORBIDDEN");
    // Finance is told of the reply.
    const replied = await db
      .select({ recipientId: notifications.recipientId })
      .from(notifications)
      .where(and(eq(notifications.entityId, id), eq(notifications.kind, "SUBMITTED")));
    expect(replied.map((r) => r.recipientId)).toContain(admin.id);

    // Reopening needs a reason; a stale version is a conflict.
    const noReason = failure(
      await verify(admin, { itemId: id, version: "2", decision: "reopen", comment: "" }),
    );
    expect(noReason.fieldErrors?.comment).toEqual(["t:validation.reasonRequired"]);
    expect(
      failure(await verify(admin, { itemId: id, version: "1", decision: "reopen", comment: "旧版本" })).code,
    ).toBe("CONFLICT");
    ok(await verify(admin, { itemId: id, version: "2", decision: "reopen", comment: "缺少制度文件" }));
    ok(await reply(filer, { itemId: id, version: "3", measures: "已补充制度文件" }));
    ok(await verify(admin, { itemId: id, version: "4", decision: "close", comment: "核验通过" }));
    // Closed: no further moves.
    expect(
      failure(await verify(admin, { itemId: id, version: "5", decision: "reopen", comment: "再次" })).code,
    ).toBe("INVALID_TRANSITION");

    const events = await db
      .select({
        event: rectificationEvents.event,
        body: rectificationEvents.body,
        actorId: rectificationEvents.actorId,
      })
      .from(rectificationEvents)
      .where(eq(rectificationEvents.itemId, id))
      .orderBy(asc(rectificationEvents.createdAt), asc(rectificationEvents.id));
    expect(events).toEqual([
      { event: "RAISED", body: "补充完善佐证材料并报送", actorId: admin.id },
      { event: "REPLIED", body: "已补充佐证材料", actorId: approver.id },
      { event: "REOPENED", body: "缺少制度文件", actorId: admin.id },
      { event: "REPLIED", body: "已补充制度文件", actorId: filer.id },
      { event: "CLOSED", body: "核验通过", actorId: admin.id },
    ]);
    const detail = await getItem(approver, id);
    expect(detail?.status).toBe("CLOSED");
    expect(detail?.measures).toBe("已补充制度文件");
    expect(detail?.overdue).toBe(false);
    const kinds = await db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.entityId, id), eq(notifications.recipientId, approver.id)));
    expect(kinds.map((k) => k.kind).sort()).toEqual(["APPROVED", "ASSIGNED", "RETURNED"]);
  });

  it("a reviewer raises only for the departments its division covers", async () => {
    const [covered] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from organisations where id = ${approver.departmentId} and covering_division_id = ${reviewer.orgId}`,
    );
    const result = await raise(reviewer, { feedbackId, problem: "p", requirement: "r", deadline: inTime });
    if (covered!.n === 0) expect(failure(result).code).toBe("NOT_FOUND");
    else expect(result.ok).toBe(true);
  });
});

describe("notifications", () => {
  it("never reach a department user about another department's item", async () => {
    const [leak] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from notifications n
          join users u on u.id = n.recipient_id
          join rectification_items i on i.id = n.entity_id and n.entity_type = 'rectification'
          left join organisations o on o.id = u.org_id
          where u.role in ('DEPT_APPROVER', 'DEPT_FILER')
            and coalesce(case when o.kind = 'UNIT' then o.parent_id else o.id end, '00000000-0000-0000-0000-000000000000') <> i.department_id`,
    );
    expect(leak!.n).toBe(0);
    // And each user's list holds only their own.
    const list = await listNotifications(otherApprover.id, { unreadOnly: false, page: 1, limit: 200 });
    const ids = list.rows.map((r) => r.id);
    if (ids.length) {
      const [others] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int n from notifications where id in (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )}) and recipient_id <> ${otherApprover.id}`,
      );
      expect(others!.n).toBe(0);
    }
  });

  it("deadline reminders are written once per item and deadline", async () => {
    const first = await remindDeadlines(db, approver);
    const second = await remindDeadlines(db, approver);
    expect(second).toBe(0);
    const [overdue] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from rectification_items where department_id = ${approver.departmentId}
          and status <> 'CLOSED' and deadline < (now() at time zone 'Asia/Shanghai')::date`,
    );
    const [reminded] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from notifications where recipient_id = ${approver.id} and kind = 'OVERDUE'
          and entity_type = 'rectification'`,
    );
    expect(reminded!.n).toBe(overdue!.n);
    expect(first).toBeGreaterThanOrEqual(0);
    // Finance and leaders answer for nothing: no reminders.
    expect(await remindDeadlines(db, admin)).toBe(0);
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, "dept_approver"));
    expect(u!.id).toBe(approver.id);
  });
});

// Independent of features/results/sql.ts: the deciding evaluation by row_number, the percent from the
// year's settings, the amount rounded to the fen.
const independentSummary = sql`
  with ranked as (
    select e.project_id, e.grade,
      row_number() over (partition by e.project_id order by
        case when e.type in ('KEY', 'THIRD_PARTY') then 0 when e.type = 'SAMPLED' then 1 else 2 end,
        e.completed_at desc nulls last, e.id) as rn
    from evaluations e
    where e.year = 2020 and e.project_id is not null and e.grade is not null
      and ((e.type <> 'SELF' and e.status = 'SETTLED') or (e.type = 'SELF' and e.status = 'RECEIVED'))
      and e.type in ('KEY', 'THIRD_PARTY', 'SAMPLED', 'SELF')
  )
  select p.department_id as "departmentId", count(*)::int as projects,
    sum(p.budget_current + p.budget_carryover + p.budget_other)::text as budget,
    sum(greatest(round((p.budget_current + p.budget_carryover + p.budget_other) * (100 + coalesce(ra.adjusted_percent,
      case r.grade when 'EXCELLENT' then y.suggestion_excellent when 'GOOD' then y.suggestion_good
        when 'PASS' then y.suggestion_pass else y.suggestion_fail end)) / 100.0, 2), 0))::text as suggested
  from ranked r join projects p on p.id = r.project_id join fiscal_years y on y.year = p.year
  left join result_applications ra on ra.project_id = p.id
  where r.rn = 1 group by p.department_id order by p.department_id`;

describe("result application", () => {
  it("sums suggestions by department as an independent computation does", async () => {
    const expected = await queryRows<{
      departmentId: string;
      projects: number;
      budget: string;
      suggested: string;
    }>(db, independentSummary);
    const summary = await summaryByDepartment(admin, 2020);
    expect(expected.length).toBeGreaterThan(10);
    const got = summary
      .map((s) => ({
        departmentId: s.departmentId,
        projects: s.projects,
        budget: s.budget,
        suggested: s.suggested,
      }))
      .sort((a, b) => a.departmentId.localeCompare(b.departmentId));
    expect(
      got.map((g) => ({
        ...g,
        budget: Number(g.budget).toFixed(2),
        suggested: Number(g.suggested).toFixed(2),
      })),
    ).toEqual(
      expected.map((e) => ({
        ...e,
        budget: Number(e.budget).toFixed(2),
        suggested: Number(e.suggested).toFixed(2),
      })),
    );
    // A department sees its own row only.
    const own = await summaryByDepartment(approver, 2020);
    expect(own.map((r) => r.departmentId)).toEqual([approver.departmentId]);
  });

  it("lets finance admin adjust a suggestion with a reason, and the figures follow", async () => {
    const { rows } = await listResults(admin, 2020, { dept: approver.departmentId!, page: 1 });
    const target = rows.find((r) => r.raVersion === null)!;
    expect(target).toBeDefined();
    const base = {
      projectId: target.projectId,
      version: "0",
      adjustedPercent: "-50",
      accountability: "",
      disclosed: "on",
    };
    expect(
      failure(await saveApplication(admin, { ...base, adjustReason: "" })).fieldErrors?.adjustReason,
    ).toEqual(["t:validation.reasonRequired"]);
    expect(failure(await saveApplication(reviewer, { ...base, adjustReason: "x" })).code).toBe("FORBIDDEN");
    ok(await saveApplication(admin, { ...base, adjustReason: "集成测试：执行进度滞后" }));
    expect(failure(await saveApplication(admin, { ...base, adjustReason: "again" })).code).toBe("CONFLICT");
    const after = (await listResults(admin, 2020, { dept: approver.departmentId!, page: 1 })).rows.find(
      (r) => r.projectId === target.projectId,
    )!;
    expect(after.percent).toBe(-50);
    expect(after.disclosed).toBe(true);
    const [check] = await queryRows<{ v: string }>(
      db,
      sql`select round((budget_current + budget_carryover + budget_other) * 0.5, 2)::text v from projects where id = ${target.projectId}`,
    );
    expect(Number(after.suggested)).toBe(Number(check!.v));
    const expected = await queryRows<{ departmentId: string; suggested: string }>(db, independentSummary);
    const summary = await summaryByDepartment(admin, 2020);
    const mine = (rows: { departmentId: string; suggested: string }[]) =>
      Number(rows.find((r) => r.departmentId === approver.departmentId)!.suggested).toFixed(2);
    expect(mine(summary)).toBe(mine(expected));
  });
});

describe("hand-off notifications of other modules", () => {
  it("go to the project's own unit filers, department approvers or covering finance only", async () => {
    const [project] = await queryRows<{ id: string; unitId: string; departmentId: string }>(
      db,
      sql`select id, unit_id as "unitId", department_id as "departmentId" from projects
          where year = 2022 and unit_id = ${filer.orgId} order by code limit 1`,
    );
    const entityId = project!.id;
    const recipientsOf = async (to: "filers" | "approvers" | "finance") => {
      await db.transaction(async (tx) => {
        await notifyProjectHandoff(tx, {
          projectId: project!.id,
          to,
          kind: to === "filers" ? "RETURNED" : "SUBMITTED",
          titleKey: "selfEvaluationReturned",
          reason: "测试",
          link: `/projects/${project!.id}`,
          entityType: `handoff_${to}`,
          entityId,
        });
      });
      return queryRows<{
        role: string;
        orgId: string | null;
        parentId: string | null;
        division: string | null;
      }>(
        db,
        sql`select u.role, u.org_id as "orgId", o.parent_id as "parentId", o.id as division from notifications n
            join users u on u.id = n.recipient_id left join organisations o on o.id = u.org_id
            where n.entity_type = ${`handoff_${to}`} and n.entity_id = ${entityId}`,
      );
    };
    const filers = await recipientsOf("filers");
    expect(filers.length).toBeGreaterThan(0);
    expect(filers.every((r) => r.role === "DEPT_FILER" && r.orgId === project!.unitId)).toBe(true);
    const approvers = await recipientsOf("approvers");
    expect(approvers.length).toBeGreaterThan(0);
    expect(approvers.every((r) => r.role === "DEPT_APPROVER" && r.orgId === project!.departmentId)).toBe(
      true,
    );
    const finance = await recipientsOf("finance");
    expect(finance.some((r) => r.role === "FINANCE_ADMIN")).toBe(true);
    expect(finance.every((r) => r.role === "FINANCE_ADMIN" || r.role === "FINANCE_REVIEWER")).toBe(true);
    const [covering] = await queryRows<{ id: string }>(
      db,
      sql`select covering_division_id as id from organisations where id = ${project!.departmentId}`,
    );
    expect(finance.filter((r) => r.role === "FINANCE_REVIEWER").every((r) => r.orgId === covering!.id)).toBe(
      true,
    );
  });
});
