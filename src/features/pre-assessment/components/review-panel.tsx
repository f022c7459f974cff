"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { deptReviewAction, financeReviewAction } from "../actions";
import { useFormAction } from "./use-form-action";

/** Approve (or accept) or return with a comment: the department's and finance's panel. */
export function ReviewPanel({
  id,
  version,
  level,
}: {
  id: string;
  version: number;
  level: "dept" | "finance";
}) {
  const t = useTranslations("preAssessment.review");
  const f = useFormAction(level === "dept" ? deptReviewAction : financeReviewAction);
  if (f.ok) return <Alert tone="success">{t("done")}</Alert>;
  return (
    <form
      onSubmit={f.onSubmit}
      noValidate
      className="space-y-3"
      aria-label={t(level === "dept" ? "deptTitle" : "financeTitle")}
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      <Field id={`comment-${level}`} label={t("comment")} hint={t("commentHint")} error={f.errors.comment}>
        <textarea
          {...fieldA11y(`comment-${level}`, f.errors.comment)}
          name="comment"
          rows={3}
          maxLength={1000}
          defaultValue={f.values?.comment ?? ""}
          className={inputClass}
        />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" name="decision" value="approve" disabled={f.pending}>
          {t(level === "dept" ? "approve" : "accept")}
        </Button>
        <Button type="submit" name="decision" value="return" variant="danger" disabled={f.pending}>
          {t("return")}
        </Button>
      </div>
    </form>
  );
}
