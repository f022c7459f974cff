import "server-only";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import {
  raiseItemSchema,
  replyItemSchema,
  verifyItemSchema,
  type RaiseItemInput,
  type ReplyItemInput,
  type VerifyItemInput,
} from "./schemas";
import { raiseItem, replyItem, verifyItem } from "./service";

// Definitions and bodies of the actions, outside the "use server" file so integration tests run
// exactly what the browser runs (runAction) with a user of their choosing.

const entity = (id: string) => ({ entityType: "rectification", entityId: id });

export const raiseItemDefinition = {
  name: "raiseRectificationItem",
  permission: "rectification.raise",
  schema: raiseItemSchema,
} satisfies ActionDefinition<typeof raiseItemSchema>;

export async function runRaiseItem(input: RaiseItemInput, { user, tx, audit }: ActionContext) {
  const item = await raiseItem(input, { db: tx, user });
  await audit({
    action: "rectification.raised",
    ...entity(item.id),
    changes: {
      sourceType: item.sourceType,
      sourceId: item.sourceId,
      departmentId: item.departmentId,
      unitId: item.unitId,
      deadline: input.deadline,
    },
  });
  return { id: item.id };
}

export const replyItemDefinition = {
  name: "replyRectificationItem",
  permission: "rectification.reply",
  schema: replyItemSchema,
} satisfies ActionDefinition<typeof replyItemSchema>;

export async function runReplyItem(input: ReplyItemInput, { user, tx, audit }: ActionContext) {
  const moved = await replyItem(input, { db: tx, user });
  await audit({
    action: "rectification.replied",
    ...entity(moved.id),
    changes: { status: [moved.from, moved.status] },
  });
  return { id: moved.id, version: moved.version };
}

export const verifyItemDefinition = {
  name: "verifyRectificationItem",
  permission: "rectification.verify",
  schema: verifyItemSchema,
} satisfies ActionDefinition<typeof verifyItemSchema>;

export async function runVerifyItem(input: VerifyItemInput, { user, tx, audit }: ActionContext) {
  const moved = await verifyItem(input, { db: tx, user });
  await audit({
    action: input.decision === "close" ? "rectification.closed" : "rectification.reopened",
    ...entity(moved.id),
    changes: { status: [moved.from, moved.status], comment: input.comment },
  });
  return { id: moved.id, version: moved.version };
}
