import { sql } from "drizzle-orm";
import {
  addDays,
  bureauDate,
  type RectificationEvent,
  type RectificationStatus,
} from "../../domain/rectification";
import { queryRows, type Tx } from "../db";
import { notifications, rectificationEvents, rectificationItems, resultApplications } from "../schema";
import { seedId } from "./random";

// 整改 and 结果应用 demo data, read from what the earlier seeds wrote: items raised from the 2020 sampled
// reviews' feedback and from the 2020 monitoring notices, then from the findings of the key,
// third-party, department-wide and township evaluations settled in the work year 2021; some closed,
// some open, some overdue, some sent back once. Deadlines are relative to the day the demo data is loaded, so an overdue item stays
// overdue. Continuing 2021 projects are linked to their 2020 predecessor (same department, unit and
// name after the year), which is how next year's pages find last year's grade.

type Plan = { status: RectificationStatus; deadlineDays: number; reopened: boolean };

// Cycled over the items: closed in time, overdue, replied awaiting verification, due soon, sent back.
const PLANS: Plan[] = [
  { status: "CLOSED", deadlineDays: -20, reopened: false },
  { status: "OPEN", deadlineDays: -12, reopened: false },
  { status: "REPLIED", deadlineDays: 25, reopened: false },
  { status: "OPEN", deadlineDays: 2, reopened: false },
  { status: "OPEN", deadlineDays: 18, reopened: true },
  { status: "CLOSED", deadlineDays: -5, reopened: true },
  { status: "REPLIED", deadlineDays: -3, reopened: false },
];

const MEASURES =
  "已组织项目单位逐项对照问题清单开展自查，补充完善了绩效目标量化指标和自评佐证材料，相关制度已修订印发。";
const REOPEN_REASON = "佐证材料不完整，未提供修订后的绩效目标表和制度文件，请补充后重新报送。";
const CLOSE_COMMENT = "经核验，整改措施已落实，佐证材料齐全，予以销号。";

export async function seedRectification(
  tx: Tx,
  options: {
    financeAdminId: string;
    approverOf: (departmentId: string) => string;
    filerOf: (unitId: string) => string;
    /** 区科技局: its notices all become items, so the demo accounts see every kind of item. */
    demoDepartmentId: string;
    now?: Date;
  },
) {
  // Continuing 2021 projects → their 2020 predecessor (idempotent: only links still missing).
  await tx.execute(sql`update projects c set predecessor_id = p.id from projects p
    where c.year = p.year + 1 and c.predecessor_id is null
      and c.department_id = p.department_id and c.unit_id = p.unit_id
      and substr(c.name, 6) = substr(p.name, 6)
      and (c.novelty = 'CONTINUING' or c.duration <> 'ONE_OFF')`);

  const today = bureauDate(options.now ?? new Date());
  const feedbackRows = await queryRows<{
    sourceId: string;
    departmentId: string;
    projectId: string;
    unitId: string;
    problems: string;
    requirements: string;
  }>(
    tx,
    sql`select f.id as "sourceId", f.department_id as "departmentId", p.id as "projectId", p.unit_id as "unitId",
          f.problems, f.requirements
        from sampling_feedback f
        join lateral (select p.id, p.unit_id, p.code from sampling_selections s join projects p on p.id = s.project_id
          where s.batch_id = f.batch_id and p.department_id = f.department_id order by p.code limit 2) p on true
        where f.status = 'PUBLISHED' order by f.department_id, p.code`,
  );
  const noticeRows = await queryRows<{
    sourceId: string;
    departmentId: string;
    projectId: string;
    unitId: string;
    content: string;
  }>(
    tx,
    sql`select n.id as "sourceId", p.department_id as "departmentId", p.id as "projectId", p.unit_id as "unitId",
          n.content
        from monitoring_notices n join projects p on p.id = n.project_id
        where n.kind = 'CORRECTION' or p.department_id = ${options.demoDepartmentId}
        order by (p.department_id = ${options.demoDepartmentId}) desc, n.id limit 30`,
  );

  // The findings of the evaluations finance settled in the work year 2021 (key, third-party,
  // department-wide and township evaluations of the 2020 budget): one item each, raised to the
  // project's department and unit, or to the evaluated department or township itself.
  const findingRows = await queryRows<{
    findingId: string;
    sourceType: "KEY" | "THIRD_PARTY" | "DEPT_OVERALL" | "TOWNSHIP_FISCAL";
    sourceId: string;
    departmentId: string;
    projectId: string | null;
    unitId: string | null;
    problem: string;
    requirement: string;
    responderId: string | null;
    filerId: string | null;
  }>(
    tx,
    sql`select f.id as "findingId", e.type as "sourceType", e.id as "sourceId",
          coalesce(p.department_id, e.subject_org_id) as "departmentId", p.id as "projectId", p.unit_id as "unitId",
          f.problem, f.requirement,
          (select u.id from users u where u.org_id = coalesce(p.department_id, e.subject_org_id)
            and u.role = 'DEPT_APPROVER' and u.active order by u.username limit 1) as "responderId",
          (select u.id from users u where u.org_id = p.unit_id and u.role = 'DEPT_FILER' and u.active
            order by u.username limit 1) as "filerId"
        from evaluation_findings f
        join evaluations e on e.id = f.evaluation_id
        left join projects p on p.id = e.project_id
        where e.status = 'SETTLED' and e.type in ('KEY', 'THIRD_PARTY', 'DEPT_OVERALL', 'TOWNSHIP_FISCAL')
          and e.completed_at >= '2021-01-01' and e.completed_at < '2022-01-01'
        order by e.type, coalesce(p.department_id, e.subject_org_id), f.evaluation_id, f.sort_order, f.id`,
  );

  type Row = {
    key: string;
    sourceType: "SAMPLED" | "MONITORING_NOTICE" | (typeof findingRows)[number]["sourceType"];
    sourceId: string;
    findingId?: string;
    departmentId: string;
    projectId: string | null;
    unitId: string | null;
    problem: string;
    requirement: string;
    responderId?: string | null;
    filerId?: string | null;
  };
  const rows: Row[] = [
    ...feedbackRows.map((f) => ({
      key: `feedback:${f.sourceId}:${f.projectId}`,
      sourceType: "SAMPLED" as const,
      sourceId: f.sourceId,
      departmentId: f.departmentId,
      projectId: f.projectId,
      unitId: f.unitId,
      problem:
        f.problems
          .split("；")[0]!
          .replace(/^一是/, "")
          .replace(/[，。]$/, "") || f.problems,
      requirement: f.requirements,
    })),
    ...noticeRows.map((n) => ({
      key: `notice:${n.sourceId}`,
      sourceType: "MONITORING_NOTICE" as const,
      sourceId: n.sourceId,
      departmentId: n.departmentId,
      projectId: n.projectId,
      unitId: n.unitId,
      problem: n.content,
      requirement: "请按处理意见纠正执行偏差，报送整改措施及佐证材料。",
    })),
    ...findingRows.map((f) => ({
      key: `finding:${f.findingId}`,
      sourceType: f.sourceType,
      sourceId: f.sourceId,
      findingId: f.findingId,
      departmentId: f.departmentId,
      projectId: f.projectId,
      unitId: f.unitId,
      problem: f.problem,
      requirement: f.requirement || "请对照评价发现的问题逐项整改，报送整改措施及佐证材料。",
      responderId: f.responderId,
      filerId: f.filerId,
    })),
  ];

  const items: (typeof rectificationItems.$inferInsert)[] = [];
  const events: (typeof rectificationEvents.$inferInsert)[] = [];
  const notes: (typeof notifications.$inferInsert)[] = [];
  const raisedAt = new Date(`${addDays(today, -40)}T02:00:00Z`);
  // Each department's items go through the plans in turn, so every department has each kind.
  const perDepartment = new Map<string, number>();
  rows.forEach((row) => {
    const k = perDepartment.get(row.departmentId) ?? 0;
    perDepartment.set(row.departmentId, k + 1);
    const plan = PLANS[k % PLANS.length]!;
    const id = seedId(`rectification:${row.key}`);
    const responder = row.responderId ?? options.approverOf(row.departmentId);
    const at = (days: number) => new Date(raisedAt.getTime() + days * 86_400_000);
    const ev = (n: number, event: RectificationEvent, body: string, actorId: string, days: number) =>
      events.push({
        id: seedId(`rectification:${row.key}:event:${n}`),
        itemId: id,
        event,
        body,
        actorId,
        createdAt: at(days),
      });
    ev(0, "RAISED", row.requirement, options.financeAdminId, 0);
    let n = 1;
    if (plan.reopened) {
      ev(n++, "REPLIED", MEASURES, responder, 8);
      ev(n++, "REOPENED", REOPEN_REASON, options.financeAdminId, 10);
    }
    if (plan.status !== "OPEN") ev(n++, "REPLIED", MEASURES, responder, 15);
    if (plan.status === "CLOSED") ev(n++, "CLOSED", CLOSE_COMMENT, options.financeAdminId, 18);
    items.push({
      id,
      sourceType: row.sourceType,
      sourceId: row.sourceId,
      findingId: row.findingId ?? null,
      projectId: row.projectId,
      departmentId: row.departmentId,
      unitId: row.unitId,
      problem: row.problem,
      requirement: row.requirement,
      deadline: addDays(today, plan.deadlineDays),
      status: plan.status,
      measures: plan.status === "OPEN" && !plan.reopened ? "" : MEASURES,
      raisedBy: options.financeAdminId,
      createdAt: raisedAt,
      closedAt: plan.status === "CLOSED" ? at(18) : null,
      version: n,
      updatedAt: at(n > 1 ? 18 : 0),
    });
    // The to-do each hand-off left: raised → the department (and unit); replied → finance.
    const filer = row.findingId ? row.filerId : options.filerOf(row.unitId!);
    const recipients = filer ? [responder, filer] : [responder];
    for (const r of recipients)
      notes.push({
        id: seedId(`rectification:${row.key}:note:${r}`),
        recipientId: r,
        kind: "ASSIGNED",
        titleKey: "rectificationRaised",
        params: { problem: row.problem.slice(0, 60), deadline: addDays(today, plan.deadlineDays) },
        link: `/rectification/${id}`,
        entityType: "rectification",
        entityId: id,
        dedupeKey: `seed:raised:${id}`,
        readAt: plan.status === "OPEN" ? null : at(2),
        createdAt: raisedAt,
      });
    if (plan.status === "REPLIED")
      notes.push({
        id: seedId(`rectification:${row.key}:note:finance`),
        recipientId: options.financeAdminId,
        kind: "SUBMITTED",
        titleKey: "rectificationReplied",
        params: { problem: row.problem.slice(0, 60) },
        link: `/rectification/${id}`,
        entityType: "rectification",
        entityId: id,
        dedupeKey: `seed:replied:${id}`,
        createdAt: at(15),
      });
  });
  for (let i = 0; i < items.length; i += 200)
    await tx
      .insert(rectificationItems)
      .values(items.slice(i, i + 200))
      .onConflictDoNothing();
  for (let i = 0; i < events.length; i += 500)
    await tx
      .insert(rectificationEvents)
      .values(events.slice(i, i + 500))
      .onConflictDoNothing();
  for (let i = 0; i < notes.length; i += 500)
    await tx
      .insert(notifications)
      .values(notes.slice(i, i + 500))
      .onConflictDoNothing();

  // 结果应用: finance's decisions on a few failed 2020 projects (the suggestions themselves are computed).
  const failed = await queryRows<{ projectId: string }>(
    tx,
    sql`select e.project_id as "projectId" from evaluations e
        where e.year = 2020 and e.type = 'SAMPLED' and e.status = 'SETTLED' and e.grade = 'FAIL'
        order by e.project_id limit 3`,
  );
  const disclosed = await queryRows<{ projectId: string }>(
    tx,
    sql`select e.project_id as "projectId" from evaluations e
        where e.year = 2020 and e.type = 'SAMPLED' and e.status = 'SETTLED' and e.grade in ('EXCELLENT', 'GOOD')
        order by e.project_id limit 10`,
  );
  const decisions = [
    ...failed.map((f) => ({
      projectId: f.projectId,
      adjustedPercent: -100,
      adjustReason: "抽评等级为差且连续两年执行率偏低，建议下年度取消该项目",
      accountability: "已约谈项目单位负责人，责成其书面说明原因",
      disclosed: true,
      updatedBy: options.financeAdminId,
    })),
    ...disclosed
      .filter((d) => !failed.some((f) => f.projectId === d.projectId))
      .map((d) => ({ projectId: d.projectId, disclosed: true, updatedBy: options.financeAdminId })),
  ];
  if (decisions.length) await tx.insert(resultApplications).values(decisions).onConflictDoNothing();
  return { items: items.length, events: events.length, notifications: notes.length };
}
