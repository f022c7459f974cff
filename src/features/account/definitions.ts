import "server-only";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import { changePasswordSchema, type ChangePasswordInput } from "./schemas";
import { changePassword } from "./service";

// Apart from the "use server" file so tests can run the action with runAction.
export const changePasswordDef = {
  name: "changePassword",
  permission: "account.changePassword",
  schema: changePasswordSchema,
} satisfies ActionDefinition<typeof changePasswordSchema>;

export const changePasswordRun = (input: ChangePasswordInput, ctx: ActionContext) =>
  changePassword(input, { db: ctx.tx, user: ctx.user, audit: ctx.audit });
