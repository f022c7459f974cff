import "server-only";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import { markReadSchema, type MarkReadInput } from "./schemas";
import { markRead } from "./service";

export const markReadDefinition = {
  name: "markNotificationsRead",
  permission: "todos.read",
  schema: markReadSchema,
} satisfies ActionDefinition<typeof markReadSchema>;

/** Reading one's own to-dos is not a state change of a record: no audit row. */
export async function runMarkRead(input: MarkReadInput, { user, tx }: ActionContext) {
  const n = await markRead(tx, user.id, input.all ? "all" : input.ids);
  return { marked: n };
}
