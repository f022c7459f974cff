"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/server/action-client";

export type FormState = ActionResult<unknown> | null;

/**
 * useActionState with the form's values kept after a failed submit (a form action resets the form),
 * field errors by name, the pending flag for the button, and the button that submitted (its name and
 * value are posted, so one form can save or submit).
 */
export function useFormAction(action: (prev: FormState, form: FormData) => Promise<FormState>) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, null);
  const failed = state && !state.ok ? state : null;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
  return {
    state,
    pending,
    onSubmit,
    ok: Boolean(state?.ok),
    code: failed?.code ?? null,
    message: failed?.message ?? null,
    errors: failed?.fieldErrors ?? {},
    values: (failed?.values as Record<string, unknown> | undefined) ?? null,
  };
}

/** A posted value as text (a repeated field arrives as a list). */
export const text = (v: unknown): string =>
  Array.isArray(v) ? String(v[0] ?? "") : v == null ? "" : String(v);
/** A posted value as a list of texts. */
export const list = (v: unknown): string[] =>
  v === undefined || v === null ? [] : ([] as unknown[]).concat(v).map(String);
