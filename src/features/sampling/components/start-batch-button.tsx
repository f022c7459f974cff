"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { startBatchAction } from "../actions";
import { useFormAction } from "./use-form-action";

/** DRAFT → STARTED: the groups get their sampled score sheets. */
export function StartBatchButton({ batchId, batchVersion }: { batchId: string; batchVersion: number }) {
  const t = useTranslations("sampling.start");
  const f = useFormAction(startBatchAction);
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="batchVersion" value={batchVersion} />
      <p className="text-sm text-slate-600">{t("explain")}</p>
      {f.message && <Alert tone="error">{f.message}</Alert>}
      {f.ok && <Alert tone="success">{t("done")}</Alert>}
      <Button type="submit" disabled={f.pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
