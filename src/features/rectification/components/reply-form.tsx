"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { text, useFormAction } from "@/components/hooks/use-form-action";
import { replyItemAction } from "../actions";

/** The department (or unit) reports its measures; the evidence is uploaded beside this form. */
export function ReplyForm({
  itemId,
  version,
  measures,
}: {
  itemId: string;
  version: number;
  measures: string;
}) {
  const t = useTranslations("rectification");
  const f = useFormAction(replyItemAction);
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-4" aria-label={t("reply.title")}>
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="version" value={version} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      {f.ok && <Alert tone="success">{t("reply.done")}</Alert>}
      <p className="text-sm text-slate-600">{t("reply.hint")}</p>
      <Field id="measures" label={t("fields.measures")} error={f.errors.measures} required>
        <textarea
          {...fieldA11y("measures", f.errors.measures)}
          name="measures"
          rows={5}
          maxLength={4000}
          defaultValue={f.values ? text(f.values.measures) : measures}
          className={inputClass}
        />
      </Field>
      <Button type="submit" disabled={f.pending}>
        {t("reply.submit")}
      </Button>
    </form>
  );
}
