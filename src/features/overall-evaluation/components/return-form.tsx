"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { text, useFormAction } from "@/components/hooks/use-form-action";
import { returnDeptOverallAction, returnTownshipAction } from "../actions";
import type { OverallType } from "../flow";

/** 退回: finance sends the self-evaluation back; the reason is required and shown to the subject. */
export function ReturnForm({
  type,
  evaluationId,
  version,
  hint,
}: {
  type: OverallType;
  evaluationId: string;
  version: number;
  hint: string;
}) {
  const t = useTranslations("overallEvaluation.return");
  const f = useFormAction(type === "DEPT_OVERALL" ? returnDeptOverallAction : returnTownshipAction);
  const err = f.errors.comment;
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-3" aria-label={t("title")}>
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="version" value={version} />
      {f.message && !err && <Alert tone="error">{f.message}</Alert>}
      <Field id="return-comment" label={t("comment")} hint={hint} error={err} required>
        <textarea
          {...fieldA11y("return-comment", err)}
          name="comment"
          rows={3}
          maxLength={2000}
          defaultValue={text(f.values?.comment)}
          key={text(f.values?.comment)}
          className={inputClass}
        />
      </Field>
      <Button type="submit" variant="danger" disabled={f.pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
