import "server-only";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import { confirmTotpSchema, resetTotpSchema, type ConfirmTotpInput, type ResetTotpInput } from "./schemas";
import { confirmTotp, resetTotp } from "./service";

// Apart from the "use server" file so tests can run the actions with runAction.
const serviceContext = (ctx: ActionContext) => ({
  db: ctx.tx,
  user: ctx.user,
  audit: ctx.audit,
  auditIfFails: ctx.auditIfFails,
});

export const confirmTotpDef = {
  name: "confirmTotp",
  permission: "account.twoFactor",
  schema: confirmTotpSchema,
} satisfies ActionDefinition<typeof confirmTotpSchema>;
export const confirmTotpRun = (input: ConfirmTotpInput, ctx: ActionContext) =>
  confirmTotp(input, serviceContext(ctx));

export const resetTotpDef = {
  name: "resetTotp",
  permission: "users.manage",
  schema: resetTotpSchema,
} satisfies ActionDefinition<typeof resetTotpSchema>;
export const resetTotpRun = (input: ResetTotpInput, ctx: ActionContext) =>
  resetTotp(input, serviceContext(ctx));
