"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { text, useFormAction } from "@/components/hooks/use-form-action";
import { reviewEngagementAction } from "../actions";

/** 质量审核: finance returns the report with its reasons, or accepts it (total and grade are kept). */
export function ReviewPanel({ evaluationId, version }: { evaluationId: string; version: number }) {
  const t = useTranslations("thirdParty.review");
  const f = useFormAction(reviewEngagementAction);
  const e = f.errors.comment;
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-3" aria-label={t("title")}>
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="version" value={version} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      <Field id="review-comment" label={t("comment")} hint={t("commentHint")} error={e}>
        <textarea
          {...fieldA11y("review-comment", e)}
          name="comment"
          rows={4}
          maxLength={2000}
          defaultValue={f.values ? text(f.values.comment) : ""}
          className={inputClass}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="ACCEPT" disabled={f.pending}>
          {t("accept")}
        </Button>
        <Button type="submit" name="decision" value="RETURN" variant="danger" disabled={f.pending}>
          {t("return")}
        </Button>
      </div>
    </form>
  );
}
