// Expected errors: their code picks a translated message the user sees. Anything else is logged
// with the action's name and the user sees a generic message.
export const APP_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "INVALID_TRANSITION",
  "CONFLICT",
  "VALIDATION",
  "UNAUTHENTICATED",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/**
 * A field's message: a key under `errors.`, or a full catalog key with values. A value written as
 * `{ key }` is itself translated first (e.g. a level's name inside the sentence).
 */
export type FieldMessage =
  string | { key: string; values?: Record<string, string | number | { key: string }> };

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Message key under `errors.` in the catalogs; defaults to the code's own message. */
  readonly messageKey: string;
  readonly fieldErrors?: Record<string, FieldMessage[]>;

  constructor(code: AppErrorCode, messageKey?: string, fieldErrors?: Record<string, FieldMessage[]>) {
    super(messageKey ?? code);
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey ?? code;
    this.fieldErrors = fieldErrors;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export const notFound = () => new AppError("NOT_FOUND");
