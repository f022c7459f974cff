"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { PreFormState } from "../actions";

/**
 * useActionState with the form's values kept after a failed submit (a form action resets the form),
 * field errors by name, and the pending flag for the button.
 */
export function useFormAction(action: (prev: PreFormState, form: FormData) => Promise<PreFormState>) {
  const [state, formAction, pending] = useActionState<PreFormState, FormData>(action, null);
  const failed = state && !state.ok ? state : null;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name) data.set(submitter.name, submitter.value);
    startTransition(() => formAction(data));
  };
  return {
    state,
    pending,
    onSubmit,
    formAction,
    ok: Boolean(state?.ok),
    message: failed?.message ?? null,
    errors: failed?.fieldErrors ?? {},
    values: (failed?.values as Record<string, string> | undefined) ?? null,
  };
}
