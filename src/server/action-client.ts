import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { AuditEntry } from "./audit";
import { writeAudit } from "./audit";
import { db, type DbOrTx } from "./db";
import { AppError, isAppError, type AppErrorCode, type FieldMessage } from "./errors";
import { assertCan, type Permission } from "./permissions";
import { requestMeta, type RequestMeta } from "./request-context";
import { getCurrentUser, type CurrentUser } from "./session";

export type ActionResult<T = unknown> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: AppErrorCode | "INTERNAL";
      message: string;
      fieldErrors?: Record<string, string[]>;
      /** What the user typed, so a form can show it again after a failed submit. */
      values?: Record<string, unknown>;
    };

export type ActionContext = {
  user: CurrentUser;
  /** The action's transaction: everything written through it commits together or not at all. */
  tx: DbOrTx;
  meta: RequestMeta;
  /**
   * Append an audit row in the action's transaction, with the actor and client filled in. The rows
   * are written when the action's work is done, just before its commit.
   */
  audit: (entry: Omit<AuditEntry, "actor" | "ip" | "userAgent">) => Promise<void>;
  /**
   * Record an audit row that must survive the action failing (a wrong code, a refused attempt): it is
   * written after the transaction rolls back, and only then.
   */
  auditIfFails: (entry: Omit<AuditEntry, "actor" | "ip" | "userAgent">) => void;
};

export type ActionDefinition<S extends z.ZodType> = {
  /** Names the action in logs and denied-access audit rows. */
  name: string;
  permission: Permission;
  schema: S;
};

type Translate = (key: string, values?: Record<string, string | number>) => string;

function fieldMessage(m: FieldMessage, t: Translate): string {
  if (typeof m === "string") return t(`errors.${m}`);
  const values = Object.fromEntries(
    Object.entries(m.values ?? {}).map(([k, v]) => [k, typeof v === "object" ? t(v.key) : v]),
  );
  return t(m.key, values);
}

export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], value);
    else out[key] = value;
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  const key = issue.message;
  if (/^[a-zA-Z]+$/.test(key)) {
    const translated = t(`validation.${key}`, issue as unknown as Record<string, string | number>);
    if (!translated.startsWith("validation.")) return translated;
  }
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" && Number(issue.minimum) <= 1
        ? t("validation.required")
        : t("validation.tooSmall", { minimum: String(issue.minimum) });
    case "too_big":
      return t("validation.tooBig", { maximum: String(issue.maximum) });
    case "invalid_type":
      return issue.input === undefined || issue.input === ""
        ? t("validation.required")
        : t("validation.invalid");
    default:
      return t("validation.invalid");
  }
}

/**
 * The body of every mutation: check permission, parse, run in one transaction with its audit rows,
 * and turn errors into a result the form can show. Exposed apart from the Next wrapper so that
 * integration tests run exactly what the browser runs, with a user of their choosing.
 */
export async function runAction<S extends z.ZodType, R>(
  def: ActionDefinition<S>,
  run: (input: z.output<S>, ctx: ActionContext) => Promise<R>,
  call: { user: CurrentUser | null; raw: unknown; meta: RequestMeta; t: Translate },
): Promise<ActionResult<R>> {
  const { user, raw, meta, t } = call;
  const values =
    raw && typeof raw === "object"
      ? Object.fromEntries(
          Object.entries(raw as Record<string, unknown>).filter(([k]) => !/password/i.test(k)),
        )
      : undefined;
  if (!user) return { ok: false, code: "UNAUTHENTICATED", message: t("errors.UNAUTHENTICATED") };
  if (user.mustChangePassword && def.permission !== "account.changePassword") {
    return { ok: false, code: "FORBIDDEN", message: t("errors.passwordChangeRequired") };
  }
  if (
    user.mustEnrolTotp &&
    def.permission !== "account.twoFactor" &&
    def.permission !== "account.changePassword"
  ) {
    return { ok: false, code: "FORBIDDEN", message: t("errors.twoFactorRequired") };
  }
  const actor = { id: user.id, username: user.username, role: user.role };
  const afterFailure: Omit<AuditEntry, "actor" | "ip" | "userAgent">[] = [];
  try {
    assertCan(user, def.permission);
    const parsed = def.schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path.join(".") || "_form";
        (fieldErrors[field] ??= []).push(issueMessage(issue, t));
      }
      return { ok: false, code: "VALIDATION", message: t("errors.VALIDATION"), fieldErrors, values };
    }
    const data = await db.transaction(async (tx) => {
      const entries: Omit<AuditEntry, "actor" | "ip" | "userAgent">[] = [];
      const result = await run(parsed.data, {
        user,
        tx,
        meta,
        audit: async (entry) => void entries.push(entry),
        auditIfFails: (entry) => void afterFailure.push(entry),
      });
      // The audit rows go last, in the order recorded: appending locks the audit chain's head until
      // COMMIT (migration 0007), so every other action's append waits only for this commit, not for
      // the rest of this action's work.
      for (const entry of entries) await writeAudit(tx, { ...entry, actor, ...meta });
      return result;
    });
    return { ok: true, data };
  } catch (e) {
    for (const entry of afterFailure.splice(0))
      await writeAudit(db, { ...entry, actor, ...meta }).catch((err) =>
        console.error(`[action ${def.name}] audit after failure not written`, err),
      );
    if (isAppError(e)) {
      if (e.code === "FORBIDDEN" || e.code === "NOT_FOUND") {
        // Refusals are recorded outside the rolled-back transaction.
        await writeAudit(db, {
          actor: { id: user.id, username: user.username, role: user.role },
          action: "access.denied",
          result: "DENIED",
          changes: { action: def.name, code: e.code },
          ...meta,
        }).catch(() => undefined);
      }
      const fieldErrors = e.fieldErrors
        ? Object.fromEntries(
            Object.entries(e.fieldErrors).map(([k, msgs]) => [k, msgs.map((m) => fieldMessage(m, t))]),
          )
        : undefined;
      return { ok: false, code: e.code, message: t(`errors.${e.messageKey}`), fieldErrors, values };
    }
    console.error(`[action ${def.name}] failed`, e);
    return { ok: false, code: "INTERNAL", message: t("errors.INTERNAL"), values };
  }
}

/**
 * Build a server action. Works both with `useActionState` (previous state, FormData) and when called
 * directly with an object.
 */
export function authAction<S extends z.ZodType, R>(
  def: ActionDefinition<S>,
  run: (input: z.output<S>, ctx: ActionContext) => Promise<R>,
) {
  return async (stateOrInput: unknown, form?: unknown): Promise<ActionResult<R>> => {
    const source = form !== undefined ? form : stateOrInput;
    const raw = source instanceof FormData ? formDataToObject(source) : source;
    const [user, meta, tr] = await Promise.all([getCurrentUser(), requestMeta(), getTranslations()]);
    const t: Translate = (key, values) => (tr.has(key) ? tr(key, values) : key);
    return runAction(def, run, { user, raw, meta, t });
  };
}

export { AppError };
