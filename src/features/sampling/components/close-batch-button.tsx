"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { closeBatchAction } from "../actions";
import { useFormAction } from "./use-form-action";

/** STARTED → CLOSED once the scores are settled and the feedback published. */
export function CloseBatchButton({ batchId, batchVersion }: { batchId: string; batchVersion: number }) {
  const t = useTranslations("sampling.close");
  const f = useFormAction(closeBatchAction);
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="batchVersion" value={batchVersion} />
      <p className="text-sm text-slate-600">{t("explain")}</p>
      {f.message && <Alert tone="error">{f.message}</Alert>}
      <Button type="submit" variant="secondary" disabled={f.pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
