"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { submitWithoutReset } from "@/features/targets/components/submit-without-reset";
import { openRoundAction, type MonitoringFormState } from "../actions";
import { SCOPE_RULES, type ScopeRule } from "../constants";

/** 开启监控轮次: year, period, due date, and the rule that picks the projects. */
export function RoundForm({
  years,
  defaultYear,
  departments,
}: {
  years: number[];
  defaultYear: number;
  departments: { id: string; name: string }[];
}) {
  const t = useTranslations("monitoring.newRound");
  const tr = useTranslations("monitoring.scopeRule");
  const router = useRouter();
  const [state, dispatch, pending] = useActionState<MonitoringFormState, FormData>(openRoundAction, null);
  const [rule, setRule] = useState<ScopeRule>("ALL");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  useEffect(() => {
    if (state?.ok) router.push(`/monitoring/rounds/${state.data.id}`);
  }, [state, router]);
  return (
    <form onSubmit={submitWithoutReset(dispatch)} className="max-w-2xl space-y-4" noValidate>
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="round-year" label={t("year")} error={errors.year} required>
          <select
            {...fieldA11y("round-year", errors.year)}
            name="year"
            defaultValue={String(defaultYear)}
            className={inputClass}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="round-months"
          label={t("periodMonths")}
          hint={t("periodHint")}
          error={errors.periodMonths}
          required
        >
          <select
            {...fieldA11y("round-months", errors.periodMonths)}
            name="periodMonths"
            defaultValue="7"
            className={inputClass}
          >
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {t("period", { months: m })}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="round-name" label={t("name")} error={errors.name} required>
        <input
          {...fieldA11y("round-name", errors.name)}
          name="name"
          placeholder={t("namePlaceholder")}
          className={inputClass}
        />
      </Field>
      <Field id="round-due" label={t("dueDate")} error={errors.dueDate} required>
        <input
          {...fieldA11y("round-due", errors.dueDate)}
          name="dueDate"
          type="date"
          className={`${inputClass} max-w-48`}
        />
      </Field>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("scopeRule")}</legend>
        <div className="flex flex-wrap gap-4">
          {SCOPE_RULES.map((r) => (
            <label key={r} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="radio"
                name="scopeRule"
                value={r}
                checked={rule === r}
                onChange={() => setRule(r)}
                className="size-4"
              />
              {tr(r)}
            </label>
          ))}
        </div>
        {errors.scopeRule && (
          <p className="mt-1 text-xs text-red-600" role="alert">
            {errors.scopeRule.join("；")}
          </p>
        )}
      </fieldset>
      {rule === "MIN_AMOUNT" && (
        <Field
          id="round-min"
          label={t("minAmount")}
          hint={t("minAmountHint")}
          error={errors.minAmount}
          required
        >
          <input
            {...fieldA11y("round-min", errors.minAmount)}
            name="minAmount"
            inputMode="decimal"
            className={`${inputClass} max-w-64`}
          />
        </Field>
      )}
      {rule === "DEPARTMENTS" && (
        <fieldset aria-describedby={errors.departmentIds ? "round-depts-error" : undefined}>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("departments")}</legend>
          <div className="grid max-h-64 grid-cols-1 gap-1 overflow-y-auto rounded-md border border-slate-200 p-3 sm:grid-cols-2">
            {departments.map((d) => (
              <label key={d.id} className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  name="departmentIds"
                  value={d.id}
                  className="size-4 rounded border-slate-300"
                />
                {d.name}
              </label>
            ))}
          </div>
          {errors.departmentIds && (
            <p id="round-depts-error" className="mt-1 text-xs text-red-600" role="alert">
              {errors.departmentIds.join("；")}
            </p>
          )}
        </fieldset>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
