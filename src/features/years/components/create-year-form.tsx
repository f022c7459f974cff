"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/hooks/use-form-action";
import { createYearAction } from "../actions";

/** Open the next budget year: its rules and evaluation templates start as copies of the last year's. */
export function CreateYearForm({ year }: { year: number }) {
  const t = useTranslations("years.create");
  const f = useFormAction(createYearAction);
  return (
    <form
      onSubmit={(e) => {
        // A year cannot be deleted: ask first.
        if (!window.confirm(t("confirm", { year }))) e.preventDefault();
        else f.onSubmit(e);
      }}
      className="mb-4 flex flex-wrap items-center gap-3"
      aria-label={t("label")}
    >
      <input type="hidden" name="year" value={year} />
      <Button type="submit" disabled={f.pending}>
        {t("button", { year })}
      </Button>
      <span className="text-xs text-slate-500">{t("hint", { from: year - 1 })}</span>
      {f.message && <Alert tone="error">{f.message}</Alert>}
      {f.ok && <Alert tone="success">{t("done")}</Alert>}
    </form>
  );
}
