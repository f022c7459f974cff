"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/server/action-client";
import { disableUserAction, enableUserAction } from "../actions";

type State = ActionResult<unknown> | null;

/** Disable (after a second, explicit click) or enable an account. */
export function AccountStatusActions({ id, active, self }: { id: string; active: boolean; self: boolean }) {
  const t = useTranslations("admin.detail");
  const tc = useTranslations("common");
  const [disableState, disable, disabling] = useActionState<State, FormData>(disableUserAction, null);
  const [enableState, enable, enabling] = useActionState<State, FormData>(enableUserAction, null);
  const [confirming, setConfirming] = useState(false);
  const last = active ? enableState : disableState;
  const error = [disableState, enableState].find((s) => s && !s.ok) as
    Extract<State, { ok: false }> | undefined;

  if (self) return <p className="text-sm text-slate-500">{t("self")}</p>;

  return (
    <div className="space-y-3">
      {error && <Alert tone="error">{error.message}</Alert>}
      {last?.ok && <Alert tone="success">{active ? t("enabledDone") : t("disabledDone")}</Alert>}
      {active ? (
        <form action={disable} className="space-y-2">
          <input type="hidden" name="id" value={id} />
          <p className="text-sm text-slate-500">{t("disableHint")}</p>
          {confirming ? (
            <div className="flex flex-wrap gap-2">
              <Button type="submit" variant="danger" disabled={disabling} autoFocus>
                {disabling ? t("disabling") : t("confirmDisable")}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
                {tc("cancel")}
              </Button>
            </div>
          ) : (
            <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
              {t("disable")}
            </Button>
          )}
        </form>
      ) : (
        <form action={enable} className="space-y-2">
          <input type="hidden" name="id" value={id} />
          <p className="text-sm text-slate-500">{t("enableHint")}</p>
          <Button type="submit" disabled={enabling}>
            {enabling ? t("enabling") : t("enable")}
          </Button>
        </form>
      )}
    </div>
  );
}
