"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { reviewReportAction, type MonitoringFormState } from "../actions";

/** Approve or return a report, with a comment (required to return). */
export function ReportReviewPanel({
  reportId,
  version,
  stage,
}: {
  reportId: string;
  version: number;
  stage: "dept" | "finance";
}) {
  const t = useTranslations("monitoring.review");
  const [state, formAction, pending] = useActionState<MonitoringFormState, FormData>(
    reviewReportAction,
    null,
  );
  const errors = state && !state.ok ? state.fieldErrors?.comment : undefined;
  const kept = state && !state.ok ? String(state.values?.comment ?? "") : "";
  return (
    <Card title={t("title")}>
      <form action={formAction} className="space-y-3">
        <input type="hidden" name="reportId" value={reportId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="stage" value={stage} />
        {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
        <Field id="mr-comment" label={t("comment")} hint={t("commentHint")} error={errors}>
          <textarea
            {...fieldA11y("mr-comment", errors)}
            name="comment"
            rows={3}
            className={inputClass}
            defaultValue={kept}
            key={kept}
          />
        </Field>
        <div className="flex gap-2">
          <Button type="submit" name="decision" value="approve" disabled={pending}>
            {stage === "finance" ? t("financeApprove") : t("approve")}
          </Button>
          <Button type="submit" name="decision" value="return" variant="danger" disabled={pending}>
            {t("return")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
