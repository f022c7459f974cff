"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { reviewEvaluationAction, type ReviewFormState } from "../actions";

/** The department approves or returns; finance receives or returns. A return needs a reason. */
export function ReviewPanel({
  evaluationId,
  version,
  stage,
  canReceive,
}: {
  evaluationId: string;
  version: number;
  stage: "dept" | "finance";
  canReceive: boolean;
}) {
  const t = useTranslations("selfEvaluation.review");
  const [state, formAction, pending] = useActionState<ReviewFormState, FormData>(
    reviewEvaluationAction,
    null,
  );
  const errors = state && !state.ok ? state.fieldErrors?.comment : undefined;
  const kept = state && !state.ok ? String(state.values?.comment ?? "") : "";
  return (
    <Card title={stage === "finance" ? t("financeTitle") : t("deptTitle")}>
      <form action={formAction} className="space-y-3">
        <input type="hidden" name="evaluationId" value={evaluationId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="stage" value={stage} />
        {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
        <Field id="review-comment" label={t("comment")} hint={t("commentHint")} error={errors}>
          <textarea
            {...fieldA11y("review-comment", errors)}
            name="comment"
            rows={3}
            className={inputClass}
            defaultValue={kept}
            key={kept}
          />
        </Field>
        <div className="flex gap-2">
          {canReceive && (
            <Button type="submit" name="decision" value="approve" disabled={pending}>
              {stage === "finance" ? t("receive") : t("approve")}
            </Button>
          )}
          <Button type="submit" name="decision" value="return" variant="danger" disabled={pending}>
            {t("return")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
