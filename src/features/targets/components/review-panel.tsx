"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { adjustSheetAction, reviewSheetAction, type ReviewFormState } from "../actions";

/** Approve or return, with a comment (required to return). `stage` picks the department or finance action. */
export function ReviewPanel({
  sheetId,
  version,
  stage,
}: {
  sheetId: string;
  version: number;
  stage: "dept" | "finance";
}) {
  const t = useTranslations("targets.review");
  const [state, formAction, pending] = useActionState<ReviewFormState, FormData>(reviewSheetAction, null);
  const errors = state && !state.ok ? state.fieldErrors?.comment : undefined;
  const kept = state && !state.ok ? String(state.values?.comment ?? "") : "";
  return (
    <Card title={t("title")}>
      <form action={formAction} className="space-y-3">
        <input type="hidden" name="sheetId" value={sheetId} />
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

/** 调整: start the next version from an approved sheet. */
export function AdjustForm({ sheetId, version }: { sheetId: string; version: number }) {
  const t = useTranslations("targets.review");
  const [state, formAction, pending] = useActionState<ReviewFormState, FormData>(adjustSheetAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="sheetId" value={sheetId} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("adjusting") : t("adjust")}
      </Button>
      <span className="text-xs text-slate-500">{t("adjustHint")}</span>
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
    </form>
  );
}
