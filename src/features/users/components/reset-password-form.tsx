"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/server/action-client";
import { resetUserPasswordAction } from "../actions";

type State = ActionResult<unknown> | null;

/** The administrator sets a new password; the account must change it at its next sign-in. */
export function ResetPasswordForm({ id }: { id: string }) {
  const t = useTranslations("admin.detail");
  const tf = useTranslations("admin.form");
  const [state, action, pending] = useActionState<State, FormData>(resetUserPasswordAction, null);
  const failed = state && !state.ok ? state : null;
  const error = failed?.fieldErrors?.password;
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-slate-500">{t("resetHint")}</p>
      {failed && !error && <Alert tone="error">{failed.message}</Alert>}
      {state?.ok && <Alert tone="success">{t("resetDone")}</Alert>}
      <Field id="reset-password" label={t("newPassword")} error={error} hint={tf("policyHint")} required>
        <input
          {...fieldA11y("reset-password", error)}
          name="password"
          type="password"
          autoComplete="new-password"
          maxLength={128}
          className={inputClass}
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("resetting") : t("resetSubmit")}
      </Button>
    </form>
  );
}
