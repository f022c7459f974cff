import "server-only";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import {
  createUserSchema,
  resetPasswordSchema,
  updateUserSchema,
  userIdSchema,
  type CreateUserInput,
  type ResetPasswordInput,
  type UpdateUserInput,
  type UserIdInput,
} from "./schemas";
import { createUser, resetUserPassword, setUserActive, updateUser } from "./service";

// The actions' definitions and bodies, apart from the "use server" file so tests can run them with
// runAction exactly as the browser's request does.
const serviceContext = (ctx: ActionContext) => ({ db: ctx.tx, user: ctx.user, audit: ctx.audit });

export const createUserDef = {
  name: "createUser",
  permission: "users.manage",
  schema: createUserSchema,
} satisfies ActionDefinition<typeof createUserSchema>;
export const createUserRun = (input: CreateUserInput, ctx: ActionContext) =>
  createUser(input, serviceContext(ctx));

export const updateUserDef = {
  name: "updateUser",
  permission: "users.manage",
  schema: updateUserSchema,
} satisfies ActionDefinition<typeof updateUserSchema>;
export const updateUserRun = (input: UpdateUserInput, ctx: ActionContext) =>
  updateUser(input, serviceContext(ctx));

export const disableUserDef = {
  name: "disableUser",
  permission: "users.manage",
  schema: userIdSchema,
} satisfies ActionDefinition<typeof userIdSchema>;
export const disableUserRun = (input: UserIdInput, ctx: ActionContext) =>
  setUserActive({ ...input, active: false }, serviceContext(ctx));

export const enableUserDef = {
  name: "enableUser",
  permission: "users.manage",
  schema: userIdSchema,
} satisfies ActionDefinition<typeof userIdSchema>;
export const enableUserRun = (input: UserIdInput, ctx: ActionContext) =>
  setUserActive({ ...input, active: true }, serviceContext(ctx));

export const resetPasswordDef = {
  name: "resetUserPassword",
  permission: "users.manage",
  schema: resetPasswordSchema,
} satisfies ActionDefinition<typeof resetPasswordSchema>;
export const resetPasswordRun = (input: ResetPasswordInput, ctx: ActionContext) =>
  resetUserPassword(input, serviceContext(ctx));
