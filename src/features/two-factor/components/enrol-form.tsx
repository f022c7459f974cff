"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/server/action-client";
import { confirmTotpAction } from "../actions";

type State = ActionResult<{ recoveryCodes: string[] }> | null;

/**
 * Scan the QR code (or type the key), confirm with the first code. On success the ten recovery
 * codes are shown, this once; the page is not re-rendered until the user goes on.
 */
export function EnrolForm({ qr, secret }: { qr: string; secret: string }) {
  const t = useTranslations("account.twoFactor");
  const [state, action, pending] = useActionState<State, FormData>(confirmTotpAction, null);
  const failed = state && !state.ok ? state : null;

  if (state?.ok)
    return (
      <div className="space-y-4">
        <Alert tone="success">{t("enabledDone")}</Alert>
        <div>
          <h2 className="text-sm font-semibold text-slate-800">{t("recoveryTitle")}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("recoveryHint")}</p>
          <ol
            className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1.5 rounded-md border border-slate-200 bg-slate-50 p-4 font-mono text-sm text-slate-800"
            aria-label={t("recoveryTitle")}
            data-testid="recovery-codes"
          >
            {state.data.recoveryCodes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ol>
        </div>
        {/* A full load: the shell and every page read the account's new state afresh. */}
        <a href="/dashboard" className={buttonClass("primary")}>
          {t("continue")}
        </a>
      </div>
    );

  return (
    <div className="space-y-5">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-600">
        <li>{t("step1")}</li>
        <li>{t("step2")}</li>
        <li>{t("step3")}</li>
      </ol>
      <div className="flex flex-wrap items-start gap-5">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data URL drawn on the server */}
        <img
          src={qr}
          alt={t("qrAlt")}
          width={176}
          height={176}
          className="rounded-md border border-slate-200"
        />
        <div className="min-w-0 flex-1 text-sm">
          <p className="text-slate-500">{t("manualKey")}</p>
          <p className="mt-1 font-mono break-all text-slate-800" data-testid="totp-secret">
            {secret.replace(/(.{4})/g, "$1 ").trim()}
          </p>
        </div>
      </div>
      <form action={action} className="space-y-4" noValidate>
        {failed && !failed.fieldErrors && <Alert tone="error">{failed.message}</Alert>}
        <Field id="code" label={t("code")} error={failed?.fieldErrors?.code} required>
          <input
            {...fieldA11y("code", failed?.fieldErrors?.code)}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            className={`${inputClass} max-w-48`}
          />
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? t("confirming") : t("confirm")}
        </Button>
      </form>
    </div>
  );
}
