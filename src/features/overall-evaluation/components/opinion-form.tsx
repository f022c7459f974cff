"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { text, useFormAction } from "@/components/hooks/use-form-action";
import { recordOpinionAction } from "../actions";

/** 人大审议意见: the leader writes what the standing committee resolved on the evaluation report. */
export function OpinionForm({ evaluationId }: { evaluationId: string }) {
  const t = useTranslations("overallEvaluation.opinions");
  const f = useFormAction(recordOpinionAction);
  const err = f.errors.body;
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-3" aria-label={t("formTitle")}>
      <input type="hidden" name="evaluationId" value={evaluationId} />
      {f.message && !err && <Alert tone="error">{f.message}</Alert>}
      {f.ok && <Alert tone="success">{t("recorded")}</Alert>}
      <Field id="opinion-body" label={t("body")} hint={t("bodyHint")} error={err} required>
        <textarea
          {...fieldA11y("opinion-body", err)}
          name="body"
          rows={4}
          maxLength={4000}
          // A recorded opinion empties the box; a refused one keeps what was typed.
          key={f.state?.ok ? JSON.stringify(f.state.data) : "edit"}
          defaultValue={f.ok ? "" : text(f.values?.body)}
          className={inputClass}
        />
      </Field>
      <Button type="submit" disabled={f.pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
