"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { text, useFormAction } from "@/components/hooks/use-form-action";
import { verifyItemAction } from "../actions";

/** Finance closes a replied item, or sends it back with the reason. */
export function VerifyForm({ itemId, version }: { itemId: string; version: number }) {
  const t = useTranslations("rectification");
  const f = useFormAction(verifyItemAction);
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-4" aria-label={t("verify.title")}>
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="version" value={version} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      <Field id="comment" label={t("fields.comment")} error={f.errors.comment} hint={t("verify.hint")}>
        <textarea
          {...fieldA11y("comment", f.errors.comment)}
          name="comment"
          rows={3}
          maxLength={2000}
          defaultValue={f.values ? text(f.values.comment) : ""}
          className={inputClass}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="close" disabled={f.pending}>
          {t("verify.close")}
        </Button>
        <Button type="submit" name="decision" value="reopen" variant="secondary" disabled={f.pending}>
          {t("verify.reopen")}
        </Button>
      </div>
    </form>
  );
}
