"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { createBatchAction } from "../actions";
import { text, useFormAction } from "./use-form-action";

type Props = { year: number; population: number; suggestedSeed: number };

/** Finance draws a batch: name, size, must-include rules, the recorded seed and the number of groups. */
export function BatchForm({ year, population, suggestedSeed }: Props) {
  const t = useTranslations("sampling.form");
  const f = useFormAction(createBatchAction);
  const v = (name: string, fallback = "") => (f.values ? text(f.values[name]) : fallback);
  const checked = (name: string) => (f.values ? f.values[name] === "on" : true);
  const created =
    f.ok && f.state?.ok ? (f.state.data as { id: string; selected: number; mustInclude: number }) : null;
  const router = useRouter();
  // The drawn batch opens at once: its groups are the next thing to set.
  useEffect(() => {
    if (created) router.push(`/sampling/${created.id}`);
  }, [created, router]);
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-4" aria-label={t("title")}>
      <input type="hidden" name="year" value={year} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      {created && (
        <Alert tone="success">
          {t("created", { selected: created.selected, mustInclude: created.mustInclude })}
        </Alert>
      )}
      <p className="text-sm text-slate-600">{t("population", { year, count: population })}</p>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <Field id="batch-name" label={t("name")} error={f.errors.name} required>
          <input
            {...fieldA11y("batch-name", f.errors.name)}
            name="name"
            defaultValue={v("name")}
            maxLength={100}
            className={inputClass}
          />
        </Field>
        <Field id="batch-size" label={t("sampleSize")} error={f.errors.sampleSize} required>
          <input
            {...fieldA11y("batch-size", f.errors.sampleSize)}
            name="sampleSize"
            type="number"
            min={1}
            inputMode="numeric"
            defaultValue={v("sampleSize")}
            className={`${inputClass} num`}
          />
        </Field>
        <Field id="batch-groups" label={t("groupCount")} error={f.errors.groupCount} required>
          <input
            {...fieldA11y("batch-groups", f.errors.groupCount)}
            name="groupCount"
            type="number"
            min={1}
            max={12}
            inputMode="numeric"
            defaultValue={v("groupCount", "4")}
            className={`${inputClass} num`}
          />
        </Field>
        <Field id="batch-min" label={t("minAmount")} error={f.errors.minAmount} hint={t("minAmountHint")}>
          <input
            {...fieldA11y("batch-min", f.errors.minAmount)}
            name="minAmount"
            inputMode="decimal"
            defaultValue={v("minAmount")}
            className={`${inputClass} num`}
          />
        </Field>
        <Field id="batch-seed" label={t("seed")} error={f.errors.seed} hint={t("seedHint")} required>
          <input
            {...fieldA11y("batch-seed", f.errors.seed)}
            name="seed"
            type="number"
            min={1}
            inputMode="numeric"
            defaultValue={v("seed", String(suggestedSeed))}
            className={`${inputClass} num`}
          />
        </Field>
        <fieldset className="space-y-2 pt-6">
          <legend className="sr-only">{t("rules")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="includeLastYearFail"
              defaultChecked={checked("includeLastYearFail")}
            />
            {t("includeLastYearFail")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="includeRedWarnings" defaultChecked={checked("includeRedWarnings")} />
            {t("includeRedWarnings")}
          </label>
        </fieldset>
      </div>
      <p className="text-xs text-slate-500">{t("explain")}</p>
      <Button type="submit" disabled={f.pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
