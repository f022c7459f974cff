import { z } from "zod";

// 等保 2.0 password complexity: long enough, several character classes, and not the account's own name.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;

/** A password problem, named by its message key under `validation.` (and `errors.` for server checks). */
export type PasswordProblem = "passwordPolicy" | "passwordIsUsername";

/** How many of upper case, lower case, digit and symbol the password uses. */
export function characterClasses(password: string): number {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9\s]/];
  return classes.filter((re) => re.test(password)).length;
}

/** The first problem with a password, or null when it meets the policy. */
export function checkPassword(password: string, username?: string | null): PasswordProblem | null {
  if (username && password.trim().toLowerCase() === username.trim().toLowerCase()) {
    return "passwordIsUsername";
  }
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return "passwordPolicy";
  if (characterClasses(password) < PASSWORD_MIN_CLASSES) return "passwordPolicy";
  return null;
}

/** A password field checked by the policy alone (use `refinePassword` too when the username is known). */
export const passwordSchema = z
  .string()
  // An empty field reads "required", not also "too weak".
  .min(1, { message: "required", abort: true })
  .refine((v) => checkPassword(v) === null, { message: "passwordPolicy" });

/**
 * Object-level refinement for forms that carry both the username and the password: reports
 * validation.passwordIsUsername on the password field. Use with `.superRefine`.
 */
export function refinePassword<T extends Record<string, unknown>>(fields: {
  password: keyof T & string;
  username: keyof T & string;
}) {
  return (value: T, ctx: z.RefinementCtx) => {
    const password = value[fields.password];
    const username = value[fields.username];
    if (typeof password !== "string" || typeof username !== "string") return;
    if (checkPassword(password, username) === "passwordIsUsername") {
      ctx.addIssue({ code: "custom", message: "passwordIsUsername", path: [fields.password] });
    }
  };
}
