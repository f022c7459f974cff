import { z } from "zod";
import { passwordSchema, refinePassword } from "@/domain/password-policy";
import { ORG_KINDS, ROLES } from "@/server/schema/enums";

// One schema per form: the form posts these fields, the action parses them with the same schema.
export const USERNAME_PATTERN = /^[a-z0-9_]{3,32}$/;

const username = z.string().trim().regex(USERNAME_PATTERN, "username");
const displayName = z.string().trim().min(1, "required").max(64);
const role = z.enum(ROLES, { message: "required" });
// "" is the form's "no organisation".
const orgId = z
  .union([z.literal(""), z.uuid()])
  .nullish()
  .transform((v) => v || null);
const id = z.uuid();

export const createUserSchema = z
  .object({ username, displayName, role, orgId, password: passwordSchema })
  .superRefine(refinePassword({ password: "password", username: "username" }));
export type CreateUserInput = z.output<typeof createUserSchema>;

export const updateUserSchema = z.object({
  id,
  displayName,
  role,
  orgId,
  // The row's updated_at as the form saw it: the write happens only if no one changed it since.
  version: z.string().min(1),
});
export type UpdateUserInput = z.output<typeof updateUserSchema>;

export const userIdSchema = z.object({ id });
export type UserIdInput = z.output<typeof userIdSchema>;

export const resetPasswordSchema = z.object({ id, password: passwordSchema });
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;

// The list's search parameters: anything unexpected falls back to "no filter" rather than an error.
export const userFilterSchema = z.object({
  q: z.string().trim().max(64).catch("").default(""),
  role: z.enum(ROLES).optional().catch(undefined),
  kind: z
    .enum([...ORG_KINDS, "NONE"])
    .optional()
    .catch(undefined),
  org: z.uuid().optional().catch(undefined),
  status: z.enum(["active", "disabled"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type UserFilter = z.output<typeof userFilterSchema>;
