"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { openRoundAction, type OpenRoundState } from "../actions";

/** 开启单位自评: a budget year that has none yet, and the due date. */
// Units evaluate year N in the spring of N+1 (the demo's 2020 round was due on 30 April 2021).
const defaultDue = (year: number) => `${year + 1}-04-30`;

export function OpenRoundForm({ years }: { years: number[] }) {
  const t = useTranslations("selfEvaluation.open");
  const [state, formAction, pending] = useActionState<OpenRoundState, FormData>(openRoundAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const first = years[0];
  if (first === undefined) return null;
  return (
    <Card title={t("title")}>
      <form action={formAction} className="flex flex-wrap items-end gap-4">
        {state && !state.ok && !Object.keys(errors).length && (
          <Alert tone="error" className="w-full">
            {state.message}
          </Alert>
        )}
        {state?.ok && (
          <Alert tone="success" className="w-full">
            {t("done", { year: state.data.year, n: state.data.created })}
          </Alert>
        )}
        <Field id="open-year" label={t("year")} error={errors.year}>
          <select
            {...fieldA11y("open-year", errors.year)}
            name="year"
            className={inputClass}
            defaultValue={first}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <Field id="open-due" label={t("dueDate")} error={errors.dueDate}>
          <input
            {...fieldA11y("open-due", errors.dueDate)}
            type="date"
            name="dueDate"
            className={inputClass}
            defaultValue={defaultDue(first)}
          />
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? t("working") : t("submit")}
        </Button>
        <p className="w-full text-xs text-slate-500">{t("hint")}</p>
      </form>
    </Card>
  );
}
