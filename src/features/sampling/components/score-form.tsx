"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { gradeOf, hundredthsToText, totalScore } from "@/domain/evaluation";
import { saveSampledScoresAction } from "../actions";
import { useFormAction } from "./use-form-action";

export type ScoreLineView = {
  id: string;
  level1: string;
  level2: string;
  name: string;
  targetText: string;
  maxPoints: string;
  selfActual: string | null;
  selfPoints: string | null;
  selfNote: string | null;
  points: string | null;
  note: string;
};

type Props = {
  evaluationId: string;
  version: number;
  lines: ScoreLineView[];
  summary: string;
  /** 预算执行率 points in hundredths (from the self-evaluation's amounts). */
  executionPoints: number;
  executionWeight: number;
  cutoffs: { excellent: number; good: number; pass: number };
};

/**
 * The reviewer's sheet: per indicator the unit's actual value, points and note beside the reviewer's
 * points and opinion; saved as it goes, then settled. A refused save keeps what was typed.
 */
export function ScoreForm({
  evaluationId,
  version,
  lines,
  summary,
  executionPoints,
  executionWeight,
  cutoffs,
}: Props) {
  const t = useTranslations("sampling.sheet");
  const tt = useTranslations("targets");
  // Lines copied from a target sheet carry the level codes; anything else is shown as written.
  const levelName = (level: "level1" | "level2", code: string) =>
    tt.has(`${level}.${code}`) ? tt(`${level}.${code}`) : code;
  const tg = useTranslations("sampling.grade");
  const f = useFormAction(saveSampledScoresAction);
  const [points, setPoints] = useState<string[]>(() => lines.map((l) => l.points ?? ""));
  const total = totalScore(
    lines.map((l, i) => ({ points: points[i] ?? "", maxPoints: l.maxPoints })),
    executionPoints,
  );
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-4" aria-label={t("formLabel")}>
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="version" value={version} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      {f.ok && <Alert tone="success">{t("saved")}</Alert>}
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
              <th scope="col" className="py-2 pr-3 font-medium">
                {t("indicator")}
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium whitespace-nowrap">
                {t("max")}
              </th>
              <th scope="col" className="px-2 py-2 font-medium whitespace-nowrap">
                {t("unitActual")}
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium whitespace-nowrap">
                {t("unitPoints")}
              </th>
              <th scope="col" className="px-2 py-2 font-medium whitespace-nowrap">
                {t("points")}
              </th>
              <th scope="col" className="py-2 pl-2 font-medium">
                {t("opinion")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {lines.map((l, i) => {
              const err = f.errors[`lines.${i}.points`];
              const pid = `points-${l.id}`;
              return (
                <tr key={l.id}>
                  <td className="max-w-72 py-2 pr-3">
                    <input type="hidden" name="lineId" value={l.id} />
                    <div className="text-xs text-slate-500">
                      {levelName("level1", l.level1)} · {levelName("level2", l.level2)}
                    </div>
                    <div className="font-medium text-slate-800">{l.name}</div>
                    {l.targetText && (
                      <div className="text-xs text-slate-500">
                        {t("target")} {l.targetText}
                      </div>
                    )}
                  </td>
                  <td className="num px-2 py-2 text-right">{l.maxPoints}</td>
                  <td className="max-w-48 px-2 py-2">
                    <div>{l.selfActual || "—"}</div>
                    {l.selfNote && <div className="mt-0.5 text-xs text-slate-500">{l.selfNote}</div>}
                  </td>
                  <td className="num px-2 py-2 text-right">{l.selfPoints ?? "—"}</td>
                  <td className="w-28 px-2 py-2">
                    <label htmlFor={pid} className="sr-only">
                      {t("pointsFor", { name: l.name })}
                    </label>
                    <input
                      {...fieldA11y(pid, err)}
                      name="points"
                      inputMode="decimal"
                      value={points[i] ?? ""}
                      onChange={(e) => setPoints((p) => p.map((x, k) => (k === i ? e.target.value : x)))}
                      className={`${inputClass} num w-24 text-right`}
                    />
                    {err && (
                      <p id={`${pid}-error`} role="alert" className="mt-1 text-xs text-red-600">
                        {err.join("；")}
                      </p>
                    )}
                  </td>
                  <td className="min-w-56 py-2 pl-2">
                    <label htmlFor={`note-${l.id}`} className="sr-only">
                      {t("opinionFor", { name: l.name })}
                    </label>
                    <textarea
                      id={`note-${l.id}`}
                      name="note"
                      rows={2}
                      maxLength={1000}
                      defaultValue={l.note}
                      className={inputClass}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Field id="summary" label={t("summary")} error={f.errors.summary} hint={t("summaryHint")}>
        <textarea
          {...fieldA11y("summary", f.errors.summary)}
          name="summary"
          rows={3}
          maxLength={2000}
          defaultValue={summary}
          className={inputClass}
        />
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm font-medium" aria-live="polite" data-testid="live-total">
          {t("live", {
            exec: hundredthsToText(executionPoints),
            weight: executionWeight,
            total: hundredthsToText(total),
            grade: tg(gradeOf(total, cutoffs)),
          })}
        </p>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary" disabled={f.pending}>
            {t("save")}
          </Button>
          <Button type="submit" name="settle" value="on" disabled={f.pending}>
            {t("settle")}
          </Button>
        </div>
      </div>
    </form>
  );
}
