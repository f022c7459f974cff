"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { text, useFormAction } from "@/components/hooks/use-form-action";
import { saveApplicationAction } from "../actions";

type Props = {
  projectId: string;
  version: number;
  rulePercent: number;
  adjustedPercent: number | null;
  adjustReason: string;
  accountability: string;
  disclosed: boolean;
};

/** Finance adjusts the suggested percent (with a reason), notes accountability, sets 公开. */
export function ApplicationForm(p: Props) {
  const t = useTranslations("results.form");
  const f = useFormAction(saveApplicationAction);
  const v = (name: string, fallback: string) => (f.values ? text(f.values[name]) : fallback);
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-3" aria-label={t("title")}>
      <input type="hidden" name="projectId" value={p.projectId} />
      <input type="hidden" name="version" value={p.version} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      {f.ok && <Alert tone="success">{t("saved")}</Alert>}
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        <Field
          id="adjustedPercent"
          label={t("adjustedPercent")}
          error={f.errors.adjustedPercent}
          hint={t("adjustedHint", { rule: p.rulePercent })}
        >
          <input
            {...fieldA11y("adjustedPercent", f.errors.adjustedPercent)}
            name="adjustedPercent"
            inputMode="numeric"
            defaultValue={v("adjustedPercent", p.adjustedPercent === null ? "" : String(p.adjustedPercent))}
            className={inputClass}
          />
        </Field>
        <Field id="adjustReason" label={t("adjustReason")} error={f.errors.adjustReason}>
          <input
            {...fieldA11y("adjustReason", f.errors.adjustReason)}
            name="adjustReason"
            maxLength={1000}
            defaultValue={v("adjustReason", p.adjustReason)}
            className={inputClass}
          />
        </Field>
      </div>
      <Field id="accountability" label={t("accountability")} error={f.errors.accountability}>
        <textarea
          {...fieldA11y("accountability", f.errors.accountability)}
          name="accountability"
          rows={2}
          maxLength={2000}
          defaultValue={v("accountability", p.accountability)}
          className={inputClass}
        />
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="disclosed"
          defaultChecked={f.values ? f.values.disclosed === "on" : p.disclosed}
        />
        {t("disclosed")}
      </label>
      <Button type="submit" disabled={f.pending}>
        {t("save")}
      </Button>
    </form>
  );
}
