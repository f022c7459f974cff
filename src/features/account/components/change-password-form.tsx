"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/server/action-client";
import { changePasswordAction } from "../actions";

type State = ActionResult<{ wasForced: boolean }> | null;

/** Current password, new password, confirmation. Passwords are never sent back, so a failed submit clears them. */
export function ChangePasswordForm({ username }: { username: string }) {
  const t = useTranslations("account.password");
  const [state, action, pending] = useActionState<State, FormData>(changePasswordAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};

  return (
    <form action={action} className="space-y-4" noValidate>
      {failed && <Alert tone="error">{failed.message}</Alert>}
      {state?.ok && <Alert tone="success">{t("done")}</Alert>}
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <Field id="currentPassword" label={t("current")} error={errors.currentPassword} required>
        <input
          {...fieldA11y("currentPassword", errors.currentPassword)}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          maxLength={256}
          className={inputClass}
        />
      </Field>
      <Field id="newPassword" label={t("new")} error={errors.newPassword} hint={t("policy")} required>
        <input
          {...fieldA11y("newPassword", errors.newPassword)}
          aria-describedby={errors.newPassword ? "newPassword-error" : "newPassword-hint"}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          maxLength={128}
          className={inputClass}
        />
      </Field>
      <Field id="confirmPassword" label={t("confirm")} error={errors.confirmPassword} required>
        <input
          {...fieldA11y("confirmPassword", errors.confirmPassword)}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          maxLength={128}
          className={inputClass}
        />
      </Field>
      <div className="flex justify-end border-t border-slate-100 pt-4">
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
