"use client";

import { useTranslations } from "next-intl";
import { useLeaveWarning } from "@/components/hooks/use-leave-warning";
import { useActionState, useMemo, useState, type KeyboardEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import {
  cappedPoints,
  executionPoints,
  gradeOf,
  hundredthsToText,
  toHundredths,
  totalScore,
  type GradeCutoffs,
} from "@/domain/evaluation";
import { AMOUNT_PATTERN, inUnit, toFen } from "@/domain/money";
import { submitWithoutReset } from "@/features/targets/components/submit-without-reset";
import { saveOrSubmitEvaluationAction, type EvaluationFormState } from "../actions";
import { GradeBadge } from "./grade-badge";

export type FormLine = {
  id: string;
  level1: string;
  level2: string;
  name: string;
  targetText: string;
  maxPoints: string;
  actualValue: string;
  points: string;
  note: string;
};

type Column = "actualValue" | "points" | "note";
const cellId = (row: number, col: Column) => `line-${row}-${col}`;
const amountFen = (v: string) => {
  const s = v.replace(/,/g, "").trim();
  return AMOUNT_PATTERN.test(s) ? toFen(s) : 0n;
};

/**
 * 单位自评表: per indicator the actual value, the points earned (capped at the indicator's points) and
 * the deviation analysis; 全年预算数 and 执行数. The total and grade follow every keystroke in the bar
 * at the bottom. Enter and ↑/↓ move between rows in the same column.
 */
export function EvaluationForm({
  evaluationId,
  version,
  lines: initialLines,
  budgetTotal,
  executedTotal,
  summary: initialSummary,
  improvement: initialImprovement,
  cutoffs,
  executionWeight,
}: {
  evaluationId: string;
  version: number;
  lines: FormLine[];
  budgetTotal: string;
  executedTotal: string;
  summary: string;
  improvement: string;
  cutoffs: GradeCutoffs;
  executionWeight: number;
}) {
  const t = useTranslations("selfEvaluation");
  const tl = useTranslations("targets");
  const [state, formAction, pending] = useActionState<EvaluationFormState, FormData>(
    saveOrSubmitEvaluationAction,
    null,
  );
  const [lines, setLines] = useState(initialLines);
  const [budget, setBudget] = useState(budgetTotal);
  const [executed, setExecuted] = useState(executedTotal);
  const [summary, setSummary] = useState(initialSummary);
  const [improvement, setImprovement] = useState(initialImprovement);

  // After a save the page re-renders with the stored values as props: they are the clean baseline.
  const snapshot = JSON.stringify([lines, budget, executed, summary, improvement]);
  const dirty =
    snapshot !==
    JSON.stringify([initialLines, budgetTotal, executedTotal, initialSummary, initialImprovement]);
  useLeaveWarning(dirty, t("form.leaveWarning"));

  const exec = executionPoints(amountFen(budget), amountFen(executed), executionWeight);
  const indicatorSum = useMemo(
    () =>
      totalScore(
        lines.map((l) => ({ points: l.points, maxPoints: l.maxPoints })),
        0,
      ),
    [lines],
  );
  const total = indicatorSum + exec;
  const maxSum = lines.reduce((a, l) => a + (toHundredths(l.maxPoints) ?? 0), 0);
  const blank = lines.filter((l) => l.points.trim() === "").length;

  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const lineError = (i: number, col: Column) => errors[`lines.${i}.${col}`];
  const update = (i: number, patch: Partial<FormLine>) =>
    setLines((ls) => ls.map((l, k) => (k === i ? { ...l, ...patch } : l)));

  const move = (e: KeyboardEvent<HTMLElement>, row: number, col: Column) => {
    const down = e.key === "ArrowDown" || (e.key === "Enter" && !(e.target instanceof HTMLTextAreaElement));
    const up = e.key === "ArrowUp";
    if (!down && !up) return;
    if (e.target instanceof HTMLTextAreaElement && !e.altKey) return;
    const next = document.getElementById(cellId(row + (down ? 1 : -1), col));
    if (next) {
      e.preventDefault();
      (next as HTMLInputElement).focus();
      (next as HTMLInputElement).select?.();
    } else if (e.key === "Enter") e.preventDefault();
  };

  return (
    <form
      onSubmit={submitWithoutReset(formAction)}
      className="space-y-5"
      noValidate
      aria-label={t("form.title")}
    >
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="version" value={version} />
      <input
        type="hidden"
        name="lines"
        value={JSON.stringify(
          lines.map((l) => ({ id: l.id, actualValue: l.actualValue, points: l.points, note: l.note })),
        )}
      />
      {state && !state.ok && (
        <Alert tone="error">
          {state.message}
          {state.code === "CONFLICT" && <span className="block text-xs">{t("form.conflictHint")}</span>}
        </Alert>
      )}
      {state?.ok && (
        <Alert tone="success">
          {state.data.status === "SUBMITTED" ? t("form.submitted") : t("form.saved")}
        </Alert>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="budgetTotal"
          label={t("form.budget")}
          hint={
            budget && AMOUNT_PATTERN.test(budget.replace(/,/g, ""))
              ? t("form.inWan", { v: inUnit(budget.replace(/,/g, ""), "wan") })
              : t("form.amountHint")
          }
          error={errors.budgetTotal}
          required
        >
          <input
            {...fieldA11y("budgetTotal", errors.budgetTotal)}
            name="budgetTotal"
            inputMode="decimal"
            className={`${inputClass} num`}
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
          />
        </Field>
        <Field
          id="executedTotal"
          label={t("form.executed")}
          hint={
            executed && AMOUNT_PATTERN.test(executed.replace(/,/g, ""))
              ? t("form.inWan", { v: inUnit(executed.replace(/,/g, ""), "wan") })
              : t("form.amountHint")
          }
          error={errors.executedTotal}
          required
        >
          <input
            {...fieldA11y("executedTotal", errors.executedTotal)}
            name="executedTotal"
            inputMode="decimal"
            className={`${inputClass} num`}
            value={executed}
            onChange={(e) => setExecuted(e.target.value)}
          />
        </Field>
      </div>

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("form.tableCaption")}</caption>
          <thead className="bg-slate-50 text-xs font-semibold text-slate-600">
            <tr>
              <th scope="col" className="w-10 px-2 py-2.5 text-center">
                {t("col.seq")}
              </th>
              <th scope="col" className="min-w-44 px-3 py-2.5 text-left">
                {t("col.indicator")}
              </th>
              <th scope="col" className="px-3 py-2.5 text-left whitespace-nowrap">
                {t("col.target")}
              </th>
              <th scope="col" className="px-3 py-2.5 text-right whitespace-nowrap">
                {t("col.maxPoints")}
              </th>
              <th scope="col" className="w-36 px-3 py-2.5 text-left">
                {t("col.actual")}
              </th>
              <th scope="col" className="w-28 px-3 py-2.5 text-left">
                {t("col.points")}
              </th>
              <th scope="col" className="min-w-56 px-3 py-2.5 text-left">
                {t("col.note")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {lines.map((l, i) => {
              const max = toHundredths(l.maxPoints) ?? 0;
              const over = l.points.trim() !== "" && (toHundredths(l.points) ?? 0) > max;
              const invalid = l.points.trim() !== "" && toHundredths(l.points) === null;
              const pointsError =
                lineError(i, "points") ??
                (over
                  ? [t("form.overMax", { max: hundredthsToText(max) })]
                  : invalid
                    ? [t("form.pointsInvalid")]
                    : undefined);
              const label = `${i + 1} ${l.name}`;
              return (
                <tr key={l.id} className="align-top">
                  <td className="px-2 py-2 text-center text-slate-500 num">{i + 1}</td>
                  <td className="px-3 py-2">
                    <div className="font-medium text-slate-800">{l.name}</div>
                    <div className="text-xs text-slate-500">
                      {tl(`level1.${l.level1}` as never)} / {tl(`level2.${l.level2}` as never)}
                    </div>
                  </td>
                  <td className="px-3 py-2 text-slate-700">{l.targetText || "—"}</td>
                  <td className="px-3 py-2 text-right num">{hundredthsToText(max)}</td>
                  <td className="px-3 py-2">
                    <input
                      id={cellId(i, "actualValue")}
                      aria-label={t("form.actualFor", { name: label })}
                      className={`${inputClass} px-2 py-1.5`}
                      value={l.actualValue}
                      onChange={(e) => update(i, { actualValue: e.target.value })}
                      onKeyDown={(e) => move(e, i, "actualValue")}
                    />
                  </td>
                  <td className="px-3 py-2">
                    <input
                      id={cellId(i, "points")}
                      aria-label={t("form.pointsFor", { name: label })}
                      aria-invalid={Boolean(pointsError) || undefined}
                      aria-describedby={pointsError ? `${cellId(i, "points")}-error` : undefined}
                      inputMode="decimal"
                      className={`${inputClass} px-2 py-1.5 num`}
                      value={l.points}
                      onChange={(e) => update(i, { points: e.target.value })}
                      onKeyDown={(e) => move(e, i, "points")}
                    />
                    {pointsError && (
                      <p
                        id={`${cellId(i, "points")}-error`}
                        role="alert"
                        className="mt-1 text-xs text-red-600"
                      >
                        {([] as string[]).concat(pointsError).join("；")}
                      </p>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <textarea
                      id={cellId(i, "note")}
                      aria-label={t("form.noteFor", { name: label })}
                      rows={2}
                      className={`${inputClass} px-2 py-1.5`}
                      value={l.note}
                      onChange={(e) => update(i, { note: e.target.value })}
                      onKeyDown={(e) => move(e, i, "note")}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-500">{t("form.keyboardHint")}</p>

      <div className="grid gap-4 lg:grid-cols-2">
        <Field id="summary" label={t("form.summary")} hint={t("form.summaryHint")} error={errors.summary}>
          <textarea
            {...fieldA11y("summary", errors.summary)}
            name="summary"
            rows={4}
            className={inputClass}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        </Field>
        <Field id="improvement" label={t("form.improvement")} error={errors.improvement}>
          <textarea
            {...fieldA11y("improvement", errors.improvement)}
            name="improvement"
            rows={4}
            className={inputClass}
            value={improvement}
            onChange={(e) => setImprovement(e.target.value)}
          />
        </Field>
      </div>

      <div
        className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-2px_6px_rgba(0,0,0,0.04)] backdrop-blur"
        data-testid="score-bar"
      >
        <dl className="flex flex-wrap items-baseline gap-x-5 gap-y-1 text-sm">
          <div className="flex gap-1">
            <dt className="text-slate-500">{t("form.indicatorPoints")}</dt>
            <dd className="num font-medium">
              {hundredthsToText(indicatorSum)} / {hundredthsToText(maxSum)}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt className="text-slate-500">{t("form.executionPoints")}</dt>
            <dd className="num font-medium">
              {hundredthsToText(exec)} / {executionWeight.toFixed(2)}
            </dd>
          </div>
          <div className="flex items-baseline gap-1">
            <dt className="text-slate-500">{t("form.total")}</dt>
            <dd className="num text-lg font-semibold text-slate-900" data-testid="live-total">
              {hundredthsToText(total)}
            </dd>
          </div>
          <div className="flex items-center gap-1">
            <dt className="text-slate-500">{t("form.grade")}</dt>
            <dd data-testid="live-grade">
              <GradeBadge grade={gradeOf(total, cutoffs)} />
            </dd>
          </div>
          {blank > 0 && <div className="text-xs text-amber-700">{t("form.blank", { n: blank })}</div>}
          {dirty && <div className="text-xs text-slate-500">{t("form.unsaved")}</div>}
        </dl>
        <div className="flex gap-2">
          <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending}>
            {t("form.save")}
          </Button>
          <Button type="submit" name="intent" value="submit" disabled={pending}>
            {pending ? t("form.working") : t("form.submit")}
          </Button>
        </div>
      </div>
    </form>
  );
}

/** The points of one line as the total counts them (capped), for read-only views. */
export const countedPoints = (points: string | null, maxPoints: string) =>
  points === null ? null : cappedPoints(points, toHundredths(maxPoints) ?? 0);
