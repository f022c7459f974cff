"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { AMOUNT_PATTERN, inUnit } from "@/domain/money";
import type { ActionResult } from "@/server/action-client";
import { updateYearSettingsAction } from "../actions";
import {
  ASSESS_FIELDS,
  GRADE_FIELDS,
  SUGGESTION_FIELDS,
  WARNING_FIELDS,
  WEIGHT_FIELDS,
  type SettingsField,
} from "../schemas";
import { SettingInput, SettingsGroup } from "./settings-inputs";

export type YearFormValues = Record<SettingsField, string> & { year: number; version: number };

type Saved = { year: number; version: number };
// `n` counts submissions: the form remounts after each one, so its inputs take the values the
// server sent back (what the user typed after a failure, the saved values after a success).
type FormState = { n: number; result?: ActionResult<Saved> };

export function YearSettingsForm({ initial }: { initial: YearFormValues }) {
  const t = useTranslations("years");
  const tc = useTranslations("common");
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    async (prev, form) => ({ n: prev.n + 1, result: await updateYearSettingsAction(null, form) }),
    { n: 0 },
  );
  const failed = state.result && !state.result.ok ? state.result : null;
  const errors = failed?.fieldErrors ?? {};
  const value = (f: SettingsField) => String(failed?.values?.[f] ?? initial[f]);
  const input = (
    f: SettingsField,
    suffix: string,
    extra: Partial<Parameters<typeof SettingInput>[0]> = {},
  ) => (
    <SettingInput
      key={f}
      name={f}
      label={t(`fields.${f}`)}
      suffix={suffix}
      defaultValue={value(f)}
      error={errors[f]}
      {...extra}
    />
  );

  const [weights, setWeights] = useState(() => WEIGHT_FIELDS.map(value));
  const [assess, setAssess] = useState(() => ASSESS_FIELDS.map(value));
  const assessTotal = assess.reduce((sum, w) => sum + (/^\d+$/.test(w) ? Number(w) : 0), 0);
  const [threshold, setThreshold] = useState(() => value("preAssessmentThreshold"));
  const total = weights.reduce((sum, w) => sum + (/^\d+$/.test(w) ? Number(w) : 0), 0);
  const cleanThreshold = threshold.replace(/[,\s，]/g, "");

  // Keyboard and screen-reader users land on what needs attention after a submit.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.n === 0) return;
    const target =
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      formRef.current?.querySelector<HTMLElement>("[data-form-status]");
    target?.focus();
  }, [state.n]);

  const weightsError = errors.weights ? "weights-error" : undefined;
  return (
    <form key={state.n} ref={formRef} action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="year" value={initial.year} />
      <input type="hidden" name="version" value={initial.version} />
      {state.result && (
        <div
          data-form-status
          tabIndex={-1}
          role={state.result.ok ? "status" : "alert"}
          className={`rounded-md px-4 py-3 text-sm ${state.result.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}
        >
          {state.result.ok
            ? t("saved", { year: state.result.data.year, version: state.result.data.version })
            : state.result.message}
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <SettingsGroup
          id="preAssessment"
          title={t("sections.preAssessment")}
          description={t("hints.preAssessment")}
        >
          <div className="max-w-sm">
            {input("preAssessmentThreshold", tc("unitYuan"), {
              onValue: setThreshold,
              hint: AMOUNT_PATTERN.test(cleanThreshold)
                ? t("thresholdInWan", { value: inUnit(cleanThreshold, "wan") })
                : undefined,
            })}
          </div>
        </SettingsGroup>
        <SettingsGroup
          id="weights"
          title={t("sections.weights")}
          description={t("hints.weights")}
          error={errors.weights}
          footer={
            <p
              className={`text-xs ${total === 100 ? "text-slate-500" : "font-medium text-amber-700"}`}
              aria-live="polite"
            >
              {t("weightsTotal", { total })}
            </p>
          }
        >
          <div className="grid grid-cols-2 gap-3">
            {WEIGHT_FIELDS.map((f, i) =>
              input(f, t("points"), {
                groupErrorId: weightsError,
                onValue: (v) => setWeights((ws) => ws.map((w, j) => (j === i ? v : w))),
              }),
            )}
          </div>
        </SettingsGroup>
        <SettingsGroup id="grades" title={t("sections.grades")} description={t("hints.grades")}>
          <div className="grid grid-cols-3 gap-3">{GRADE_FIELDS.map((f) => input(f, t("points")))}</div>
        </SettingsGroup>
        <SettingsGroup id="warnings" title={t("sections.warnings")} description={t("hints.warnings")}>
          <div className="grid grid-cols-3 gap-3">{WARNING_FIELDS.map((f) => input(f, "%"))}</div>
        </SettingsGroup>
        <SettingsGroup
          id="suggestions"
          title={t("sections.suggestions")}
          description={t("hints.suggestions")}
          error={errors.suggestions}
        >
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {SUGGESTION_FIELDS.map((f) =>
              input(f, "%", {
                allowNegative: true,
                groupErrorId: errors.suggestions ? "suggestions-error" : undefined,
              }),
            )}
          </div>
        </SettingsGroup>
        <SettingsGroup
          id="assessWeights"
          title={t("sections.assessment")}
          description={t("hints.assessment")}
          error={errors.assessWeights}
          footer={
            <p
              className={`text-xs ${assessTotal === 100 ? "text-slate-500" : "font-medium text-amber-700"}`}
              aria-live="polite"
            >
              {t("weightsTotal", { total: assessTotal })}
            </p>
          }
        >
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {ASSESS_FIELDS.map((f, i) =>
              input(f, t("points"), {
                groupErrorId: errors.assessWeights ? "assessWeights-error" : undefined,
                onValue: (v) => setAssess((ws) => ws.map((w, j) => (j === i ? v : w))),
              }),
            )}
            {input("targetDueMonth", t("month"))}
          </div>
        </SettingsGroup>
        <SettingsGroup id="security" title={t("sections.security")} description={t("hints.security")}>
          <div className="max-w-xs">{input("passwordMaxAgeDays", t("days"))}</div>
        </SettingsGroup>
      </div>
      <div className="flex items-center justify-end gap-2">
        <ButtonLink href="/settings/years" variant="secondary">
          {t("backToList")}
        </ButtonLink>
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          {pending ? tc("saving") : tc("save")}
        </Button>
      </div>
    </form>
  );
}
