"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { submitWithoutReset } from "@/features/targets/components/submit-without-reset";
import { OPERATOR_SYMBOL, type Operator } from "@/features/targets/levels";
import { saveReportAction, type MonitoringFormState } from "../actions";
import { DEVIATION_REASONS, FUNDING_SOURCES, LIKELIHOODS, type FundingSource } from "../constants";

export type FormIndicator = {
  id: string;
  name: string;
  operator: Operator;
  targetValue: string;
  unit: string;
  prorated: string;
};

type Initial = {
  executed: Record<FundingSource, string>;
  executedReason: string;
  likelihood: string;
  deviationReasons: string[];
  deviationNote: string;
  measures: string;
  progress: Record<string, string>;
};

const FIELD: Record<FundingSource, "executedCurrent" | "executedCarryover" | "executedOther"> = {
  CURRENT: "executedCurrent",
  CARRYOVER: "executedCarryover",
  OTHER: "executedOther",
};

/** The unit's monitoring form: figures to date by source, indicator progress, likelihood, reasons. */
export function ReportForm({
  reportId,
  version,
  initial,
  paid,
  paidUntil,
  indicators,
}: {
  reportId: string;
  version: number;
  initial: Initial;
  /** Treasury payments to the period's end, in 元, or null when none were imported. */
  paid: Record<FundingSource, string> | null;
  paidUntil: string;
  indicators: FormIndicator[];
}) {
  const t = useTranslations("monitoring.form");
  const tm = useTranslations("monitoring");
  const [state, dispatch, pending] = useActionState<MonitoringFormState, FormData>(saveReportAction, null);
  const [progress, setProgress] = useState(initial.progress);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={submitWithoutReset(dispatch)} className="space-y-5" noValidate aria-label={t("label")}>
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="progress" value={JSON.stringify(progress)} />
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      {state?.ok && <Alert tone="success">{t("saved")}</Alert>}
      <Card title={t("executed")}>
        <p className="mb-3 text-xs text-slate-500">
          {paid ? t("paidHint", { date: paidUntil }) : t("noPaid")}
        </p>
        <div className="grid gap-4 sm:grid-cols-3">
          {FUNDING_SOURCES.map((s) => {
            const id = `rf-${FIELD[s]}`;
            return (
              <Field
                key={s}
                id={id}
                label={`${tm(`source.${s}`)}（${t("yuan")}）`}
                hint={paid ? t("paidValue", { amount: paid[s] }) : undefined}
                error={errors[FIELD[s]]}
                required
              >
                <input
                  {...fieldA11y(id, errors[FIELD[s]])}
                  name={FIELD[s]}
                  inputMode="decimal"
                  defaultValue={initial.executed[s]}
                  className={`${inputClass} num text-right`}
                />
              </Field>
            );
          })}
        </div>
        {paid && (
          <div className="mt-4">
            <Field
              id="rf-reason"
              label={t("executedReason")}
              hint={t("executedReasonHint")}
              error={errors.executedReason}
            >
              <textarea
                {...fieldA11y("rf-reason", errors.executedReason)}
                name="executedReason"
                rows={2}
                defaultValue={initial.executedReason}
                className={inputClass}
              />
            </Field>
          </div>
        )}
      </Card>
      <Card title={t("indicators")}>
        {indicators.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noIndicators")}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("indicator")}</Th>
                <Th align="right">{t("target")}</Th>
                <Th align="right">{t("prorated")}</Th>
                <Th>{t("progress")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {indicators.map((i, k) => {
                const id = `rf-progress-${k}`;
                const err = errors[`progress.${i.id}`];
                return (
                  <tr key={i.id}>
                    <Td className="min-w-40">
                      <label htmlFor={id}>{i.name}</label>
                    </Td>
                    <Td align="right" className="max-w-56">
                      {OPERATOR_SYMBOL[i.operator]} {i.targetValue} {i.unit}
                    </Td>
                    <Td align="right" className="whitespace-nowrap">
                      {i.prorated}
                    </Td>
                    <Td className="w-40 min-w-32">
                      <input
                        {...fieldA11y(id, err)}
                        aria-label={t("progressOf", { name: i.name })}
                        value={progress[i.id] ?? ""}
                        onChange={(e) => setProgress((p) => ({ ...p, [i.id]: e.target.value }))}
                        className={inputClass}
                      />
                      {err && (
                        <p id={`${id}-error`} className="mt-1 text-xs text-red-600" role="alert">
                          {err.join("；")}
                        </p>
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
      <Card title={t("analysis")}>
        <div className="space-y-4">
          <fieldset aria-describedby={errors.likelihood ? "rf-likelihood-error" : undefined}>
            <legend className="mb-1 text-sm font-medium text-slate-700">
              {t("likelihood")}
              <span className="ml-0.5 text-red-600" aria-hidden="true">
                *
              </span>
            </legend>
            <div className="flex flex-wrap gap-4">
              {LIKELIHOODS.map((l) => (
                <label key={l} className="flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="radio"
                    name="likelihood"
                    value={l}
                    defaultChecked={initial.likelihood === l}
                    className="size-4"
                  />
                  {tm(`likelihood.${l}`)}
                </label>
              ))}
            </div>
            {errors.likelihood && (
              <p id="rf-likelihood-error" className="mt-1 text-xs text-red-600" role="alert">
                {errors.likelihood.join("；")}
              </p>
            )}
          </fieldset>
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-700">{t("reasons")}</legend>
            <div className="flex flex-wrap gap-4">
              {DEVIATION_REASONS.map((r) => (
                <label key={r} className="flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    name="deviationReasons"
                    value={r}
                    defaultChecked={initial.deviationReasons.includes(r)}
                    className="size-4 rounded border-slate-300"
                  />
                  {tm(`reason.${r}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <Field
            id="rf-note"
            label={t("deviationNote")}
            hint={t("deviationNoteHint")}
            error={errors.deviationNote}
          >
            <textarea
              {...fieldA11y("rf-note", errors.deviationNote)}
              name="deviationNote"
              rows={3}
              defaultValue={initial.deviationNote}
              className={inputClass}
            />
          </Field>
          <Field id="rf-measures" label={t("measures")} error={errors.measures}>
            <textarea
              {...fieldA11y("rf-measures", errors.measures)}
              name="measures"
              rows={3}
              defaultValue={initial.measures}
              className={inputClass}
            />
          </Field>
        </div>
      </Card>
      <div className="flex gap-2">
        <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending}>
          {t("save")}
        </Button>
        <Button type="submit" name="intent" value="submit" disabled={pending}>
          {pending ? t("saving") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
