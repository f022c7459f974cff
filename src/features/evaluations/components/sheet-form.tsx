"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldA11y, inputClass } from "@/components/ui/field";
import { useFormAction, type FormState } from "@/components/hooks/use-form-action";
import { useLeaveWarning } from "@/components/hooks/use-leave-warning";
import { gradeOf, hundredthsToText, totalScore, type GradeCutoffs } from "@/domain/evaluation";
import type { SheetLine } from "../sheet-queries";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  /** Hidden fields the action needs (the evaluation's id and version, …). */
  hidden: Record<string, string | number>;
  lines: SheetLine[];
  /** Which column this user fills: the evaluator's points, or the subject's own. */
  column: "points" | "selfPoints";
  /** Show the subject's own points beside the evaluator's (read-only). */
  showSelf?: boolean;
  cutoffs: GradeCutoffs;
  /**
   * Fields below the sheet (report, summary, findings …), rendered inside the form; a function gets
   * the refused save's field errors so those fields can show their own.
   */
  children?: ReactNode | ((errors: Record<string, string[]>) => ReactNode);
  /** Label of the second button, which posts `submit=on`; none when the sheet is only saved. */
  submitLabel?: string;
  savedMessage?: string;
  label: string;
};

/**
 * An indicator score sheet to fill: per line the 一级/二级/三级指标, points available and 评分标准, the
 * points earned and a note; a live total and grade; saved as it goes, then submitted. A refused save
 * keeps what was typed and shows each line's own message.
 */
export function SheetForm({
  action,
  hidden,
  lines,
  column,
  showSelf,
  cutoffs,
  children,
  submitLabel,
  savedMessage,
  label,
}: Props) {
  const t = useTranslations("evaluations.sheet");
  const td = useTranslations("evaluations.dimension");
  const tg = useTranslations("enums.grade");
  const f = useFormAction(action);
  const own = (l: SheetLine) => (column === "points" ? l.points : l.selfPoints) ?? "";
  const ownNote = (l: SheetLine) => (column === "points" ? l.note : l.selfNote);
  const [points, setPoints] = useState<string[]>(() => lines.map(own));
  const [dirty, setDirty] = useState(false);
  useLeaveWarning(dirty && !f.pending, t("leaveWarning"));
  const total = totalScore(
    lines.map((l, i) => ({ points: points[i] ?? "", maxPoints: l.maxPoints })),
    0,
  );
  // No grade until a line is scored: an empty sheet is not yet 差.
  const scored = points.some((p) => p.trim() !== "");
  const selfTotal = totalScore(
    lines.map((l) => ({ points: l.selfPoints ?? "", maxPoints: l.maxPoints })),
    0,
  );
  return (
    <form
      onSubmit={(e) => {
        setDirty(false);
        f.onSubmit(e);
      }}
      onChange={() => setDirty(true)}
      noValidate
      className="space-y-4"
      aria-label={label}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {f.message && <Alert tone="error">{f.message}</Alert>}
      {f.ok && <Alert tone="success">{savedMessage ?? t("saved")}</Alert>}
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{label}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
              <th scope="col" className="py-2 pr-3 font-medium">
                {t("indicator")}
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium whitespace-nowrap">
                {t("max")}
              </th>
              {showSelf && (
                <th scope="col" className="px-2 py-2 text-right font-medium whitespace-nowrap">
                  {t("selfPoints")}
                </th>
              )}
              <th scope="col" className="px-2 py-2 font-medium whitespace-nowrap">
                {column === "points" ? t("points") : t("ownPoints")}
              </th>
              <th scope="col" className="py-2 pl-2 font-medium">
                {column === "points" ? t("note") : t("ownNote")}
              </th>
            </tr>
          </thead>
          <tbody className="align-top">
            {lines.map((l, i) => {
              const heading = i === 0 || l.level1 !== lines[i - 1]!.level1;
              const err = f.errors[`lines.${i}.points`];
              const pid = `points-${l.id}`;
              return [
                heading && (
                  <tr key={`${l.id}-dim`} className="bg-slate-50">
                    <th
                      scope="rowgroup"
                      colSpan={showSelf ? 5 : 4}
                      className="px-2 py-1.5 text-left text-xs font-semibold text-slate-600"
                    >
                      {td.has(l.level1) ? td(l.level1) : l.level1}
                    </th>
                  </tr>
                ),
                <tr key={l.id} className="border-t border-slate-100">
                  <td className="max-w-80 py-2 pr-3">
                    <input type="hidden" name="lineId" value={l.id} />
                    <div className="text-xs text-slate-500">{l.level2}</div>
                    <div className="font-medium text-slate-800">{l.name}</div>
                    {l.guide && <div className="mt-0.5 text-xs text-slate-500">{l.guide}</div>}
                  </td>
                  <td className="num px-2 py-2 text-right">{l.maxPoints}</td>
                  {showSelf && (
                    <td className="num px-2 py-2 text-right" title={l.selfNote || undefined}>
                      {l.selfPoints ?? "—"}
                    </td>
                  )}
                  <td className="w-28 px-2 py-2">
                    <label htmlFor={pid} className="sr-only">
                      {t("pointsFor", { name: l.name })}
                    </label>
                    <input
                      {...fieldA11y(pid, err)}
                      name="points"
                      inputMode="decimal"
                      autoComplete="off"
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
                      {t("noteFor", { name: l.name })}
                    </label>
                    <textarea
                      id={`note-${l.id}`}
                      name="note"
                      rows={2}
                      maxLength={1000}
                      defaultValue={ownNote(l)}
                      className={inputClass}
                    />
                  </td>
                </tr>,
              ];
            })}
          </tbody>
        </table>
      </div>
      {typeof children === "function" ? children(f.errors) : children}
      <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur">
        <p className="text-sm font-medium" aria-live="polite" data-testid="live-total">
          {showSelf &&
            t("selfTotal", { total: hundredthsToText(selfTotal), grade: tg(gradeOf(selfTotal, cutoffs)) }) +
              " · "}
          {t("liveTotal", {
            total: hundredthsToText(total),
            grade: scored ? tg(gradeOf(total, cutoffs)) : "—",
          })}
        </p>
        <div className="flex gap-2">
          <Button type="submit" variant={submitLabel ? "secondary" : "primary"} disabled={f.pending}>
            {t("save")}
          </Button>
          {submitLabel && (
            <Button type="submit" name="submit" value="on" disabled={f.pending}>
              {submitLabel}
            </Button>
          )}
        </div>
      </div>
    </form>
  );
}
