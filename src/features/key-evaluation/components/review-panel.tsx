"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldA11y, inputClass } from "@/components/ui/field";
import { useFormAction } from "@/components/hooks/use-form-action";
import { reviewKeyEvaluationAction } from "../actions";

/** Finance's decision on a submitted key evaluation: return it with a reason, or approve it. */
export function ReviewPanel({ evaluationId, version }: { evaluationId: string; version: number }) {
  const t = useTranslations("keyEvaluation.review");
  const f = useFormAction(reviewKeyEvaluationAction);
  const err = f.errors.reason;
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-3" aria-label={t("label")}>
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="version" value={version} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <div>
        <label htmlFor="review-reason" className="mb-1 block text-sm font-medium text-slate-700">
          {t("reason")}
        </label>
        <textarea
          {...fieldA11y("review-reason", err)}
          name="reason"
          rows={4}
          maxLength={2000}
          className={inputClass}
        />
        {err && (
          <p id="review-reason-error" role="alert" className="mt-1 text-xs text-red-600">
            {err.join("；")}
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="RETURN" variant="danger" disabled={f.pending}>
          {t("return")}
        </Button>
        <Button type="submit" name="decision" value="APPROVE" disabled={f.pending}>
          {t("approve")}
        </Button>
      </div>
    </form>
  );
}
