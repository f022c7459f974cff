"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/server/action-client";
import { resetTotpAction } from "../actions";

type State = ActionResult<unknown> | null;

/** The administrator turns off another account's two-factor sign-in, after a second, explicit click. */
export function ResetTotp({ id, enabled }: { id: string; enabled: boolean }) {
  const t = useTranslations("admin.detail");
  const tc = useTranslations("common");
  const [state, action, pending] = useActionState<State, FormData>(resetTotpAction, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      {state?.ok && <Alert tone="success">{t("totpResetDone")}</Alert>}
      <p className="text-sm text-slate-500">{enabled ? t("totpOn") : t("totpOff")}</p>
      {enabled &&
        (confirming ? (
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" disabled={pending} autoFocus>
              {pending ? t("totpResetting") : t("confirmTotpReset")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {tc("cancel")}
            </Button>
          </div>
        ) : (
          <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
            {t("totpReset")}
          </Button>
        ))}
    </form>
  );
}
