"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/server/action-client";
import { verifyAuditChainAction } from "../actions";
import type { ChainReport } from "../chain";

type State = ActionResult<ChainReport> | null;

/** "Check integrity": walks the whole hash chain on the server and says whether it holds. */
export function ChainCheck() {
  const t = useTranslations("audit.chain");
  const [state, action, pending] = useActionState<State, FormData>(verifyAuditChainAction, null);
  const report = state?.ok ? state.data : null;
  return (
    <form action={action} className="mb-4 flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("checking") : t("check")}
      </Button>
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      {report?.ok && <Alert tone="success">{t("intact", { rows: report.rows })}</Alert>}
      {report && !report.ok && (
        <Alert tone="error">{t(`broken.${report.reason}`, { id: report.brokenAt, rows: report.rows })}</Alert>
      )}
    </form>
  );
}
