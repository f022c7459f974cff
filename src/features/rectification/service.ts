import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { RECTIFICATION_MOVES, type RectificationStatus } from "@/domain/rectification";
import { departmentRecipients, financeRecipients, notify } from "@/features/notifications/service";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { rectificationEvents, rectificationItems } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import type { RaiseItemInput, ReplyItemInput, VerifyItemInput } from "./schemas";
import { answersFor, rectificationScope } from "./scope";
import { resolveSource } from "./source";

type Ctx = { db: DbOrTx; user: CurrentUser };

const link = (id: string) => `/rectification/${id}`;

/** Finance raises an item from a source; the department (and unit) get a to-do. */
export async function raiseItem(input: RaiseItemInput, { db, user }: Ctx) {
  const src = await resolveSource(db, user, input);
  // The project and unit are picked among the source's own, never taken on trust.
  let projectId = src.projectId;
  if (!projectId && input.projectId) {
    if (!src.projects.some((p) => p.id === input.projectId))
      throw new AppError("VALIDATION", "VALIDATION", { projectId: ["rectification.notOfSource"] });
    projectId = input.projectId;
  }
  const projectUnit = src.projects.find((p) => p.id === projectId)?.unitId ?? null;
  let unitId = projectUnit;
  if (input.unitId && input.unitId !== projectUnit) {
    if (!src.units.some((u) => u.id === input.unitId))
      throw new AppError("VALIDATION", "VALIDATION", { unitId: ["rectification.notOfSource"] });
    unitId = input.unitId;
  }
  const [item] = await db
    .insert(rectificationItems)
    .values({
      sourceType: src.sourceType,
      sourceId: src.sourceId,
      findingId: src.findingId,
      projectId,
      departmentId: src.departmentId,
      unitId,
      problem: input.problem,
      requirement: input.requirement,
      deadline: input.deadline,
      raisedBy: user.id,
    })
    .returning({ id: rectificationItems.id, version: rectificationItems.version });
  await db
    .insert(rectificationEvents)
    .values({ itemId: item!.id, event: "RAISED", body: input.requirement, actorId: user.id });
  await notify(db, {
    recipientIds: await departmentRecipients(db, src.departmentId, unitId),
    kind: "ASSIGNED",
    titleKey: "rectificationRaised",
    params: { problem: input.problem.slice(0, 60), deadline: input.deadline },
    link: link(item!.id),
    entityType: "rectification",
    entityId: item!.id,
  });
  return {
    ...item!,
    sourceType: src.sourceType,
    sourceId: src.sourceId,
    departmentId: src.departmentId,
    unitId,
  };
}

/** An item the user may read, or NOT_FOUND. */
export async function scopedItem(db: DbOrTx, user: CurrentUser, itemId: string) {
  const [row] = await db
    .select({
      id: rectificationItems.id,
      status: rectificationItems.status,
      version: rectificationItems.version,
      departmentId: rectificationItems.departmentId,
      unitId: rectificationItems.unitId,
      problem: rectificationItems.problem,
      raisedBy: rectificationItems.raisedBy,
    })
    .from(rectificationItems)
    .where(and(eq(rectificationItems.id, itemId), rectificationScope(user)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

async function move(
  db: DbOrTx,
  user: CurrentUser,
  item: { id: string; status: RectificationStatus; version: number },
  version: number,
  m: (typeof RECTIFICATION_MOVES)[keyof typeof RECTIFICATION_MOVES],
  body: string,
  set: Partial<typeof rectificationItems.$inferInsert>,
) {
  // A form opened before someone else's change is told so first: "changed by someone else, reload"
  // says more than "not possible in this status" to the second of two people replying at once.
  if (item.version !== version) throw new AppError("CONFLICT");
  if (!(m.from as readonly string[]).includes(item.status)) throw new AppError("INVALID_TRANSITION");
  const now = new Date();
  const [row] = await db
    .update(rectificationItems)
    .set({ ...set, status: m.to, updatedAt: now, version: sql`${rectificationItems.version} + 1` })
    .where(
      and(
        eq(rectificationItems.id, item.id),
        eq(rectificationItems.status, item.status),
        eq(rectificationItems.version, version),
      ),
    )
    .returning({
      id: rectificationItems.id,
      status: rectificationItems.status,
      version: rectificationItems.version,
    });
  if (!row) throw new AppError("CONFLICT");
  await db.insert(rectificationEvents).values({ itemId: item.id, event: m.event, body, actorId: user.id });
  return { ...row, from: item.status };
}

/** The department's approver (or the named unit's filer) replies with measures; finance is told. */
export async function replyItem(input: ReplyItemInput, { db, user }: Ctx) {
  const item = await scopedItem(db, user, input.itemId);
  // A filer of another unit of the same department never reaches the item (scope); an approver of
  // the department always answers for it.
  if (!answersFor(user, item)) throw new AppError("NOT_FOUND");
  const moved = await move(db, user, item, input.version, RECTIFICATION_MOVES.reply, input.measures, {
    measures: input.measures,
  });
  const finance = await financeRecipients(db, item.departmentId);
  await notify(db, {
    recipientIds: item.raisedBy && !finance.includes(item.raisedBy) ? [...finance, item.raisedBy] : finance,
    kind: "SUBMITTED",
    titleKey: "rectificationReplied",
    params: { problem: item.problem.slice(0, 60) },
    link: link(item.id),
    entityType: "rectification",
    entityId: item.id,
  });
  return moved;
}

/** Finance closes a replied item, or reopens it with the reason; the department is told either way. */
export async function verifyItem(input: VerifyItemInput, { db, user }: Ctx) {
  const item = await scopedItem(db, user, input.itemId);
  const closing = input.decision === "close";
  const moved = closing
    ? await move(db, user, item, input.version, RECTIFICATION_MOVES.close, input.comment, {
        closedAt: new Date(),
      })
    : await move(db, user, item, input.version, RECTIFICATION_MOVES.reopen, input.comment, {});
  await notify(db, {
    recipientIds: await departmentRecipients(db, item.departmentId, item.unitId),
    kind: closing ? "APPROVED" : "RETURNED",
    titleKey: closing ? "rectificationClosed" : "rectificationReopened",
    params: { problem: item.problem.slice(0, 60), reason: input.comment.slice(0, 120) },
    link: link(item.id),
    entityType: "rectification",
    entityId: item.id,
  });
  return moved;
}
