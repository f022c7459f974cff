"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldA11y, inputClass } from "@/components/ui/field";
import { useFormAction } from "@/components/hooks/use-form-action";
import { useLeaveWarning } from "@/components/hooks/use-leave-warning";
import { hundredthsToText } from "@/domain/evaluation";
import {
  OUTPUT_EFFECT_MIN_PERCENT,
  outputEffectShare,
  pointsByDimension,
  TEMPLATE_TOTAL_POINTS,
  type TemplateKind,
} from "@/domain/evaluation-templates";
import { saveTemplateAction } from "../actions";

type Line = { level1: string; level2: string; name: string; maxPoints: string; guide: string };
type Row = Line & { key: string };
const FIELDS = ["level2", "name", "maxPoints"] as const;

/**
 * A template's lines, edited as a whole: add, remove and move lines; each line's dimension (of the
 * template's kind), 二级指标, 三级指标, points and 评分标准. Subtotals by dimension, the total and the
 * 产出 + 效益 share follow the typing; the server refuses the save when the sums are wrong.
 */
export function TemplateEditor({
  templateId,
  version,
  kind,
  dimensions,
  lines,
}: {
  templateId: string;
  version: number;
  kind: TemplateKind;
  dimensions: readonly string[];
  lines: Line[];
}) {
  const t = useTranslations("evaluationTemplates");
  const td = useTranslations("evaluations.dimension");
  const f = useFormAction(saveTemplateAction);
  const [rows, setRows] = useState<Row[]>(() => lines.map((l, i) => ({ ...l, key: `l${i}` })));
  const [counter, setCounter] = useState(0);
  const [dirty, setDirty] = useState(false);
  useLeaveWarning(dirty && !f.pending, t("leaveWarning"));
  const by = pointsByDimension(rows);
  const total = [...by.values()].reduce((a, b) => a + b, 0);
  const share = outputEffectShare(rows);
  const set = (key: string, patch: Partial<Line>) => {
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const move = (i: number, d: -1 | 1) => {
    setRows((all) => {
      const next = [...all];
      const [r] = next.splice(i, 1);
      next.splice(i + d, 0, r!);
      return next;
    });
    setDirty(true);
  };
  const add = () => {
    setRows((all) => [
      ...all,
      { key: `n${counter}`, level1: dimensions[0]!, level2: "", name: "", maxPoints: "", guide: "" },
    ]);
    setCounter((c) => c + 1);
    setDirty(true);
  };
  const pageErrors = [...(f.errors._form ?? []), ...(f.errors.total ?? []), ...(f.errors.share ?? [])];
  return (
    <form
      onSubmit={(e) => {
        setDirty(false);
        f.onSubmit(e);
      }}
      noValidate
      className="space-y-4"
      aria-label={t("editor.label")}
    >
      <input type="hidden" name="templateId" value={templateId} />
      <input type="hidden" name="version" value={version} />
      {f.message && (
        <Alert tone="error">
          <p>{f.message}</p>
          {pageErrors.length > 0 && (
            <ul className="mt-1 list-disc pl-5" data-testid="template-page-errors">
              {pageErrors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {f.ok && <Alert tone="success">{t("editor.saved")}</Alert>}
      <div
        className="grid grid-cols-2 gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm sm:grid-cols-4 lg:grid-cols-8"
        aria-live="polite"
        data-testid="template-sums"
      >
        {dimensions.map((d) => (
          <div key={d}>
            <div className="text-xs text-slate-500">{td(d)}</div>
            <div className="num font-medium">{hundredthsToText(by.get(d) ?? 0)}</div>
          </div>
        ))}
        <div>
          <div className="text-xs text-slate-500">{t("col.total")}</div>
          <div className={`num font-semibold ${total === TEMPLATE_TOTAL_POINTS * 100 ? "" : "text-red-600"}`}>
            {hundredthsToText(total)}
          </div>
        </div>
        {kind === "PROJECT" && (
          <div>
            <div className="text-xs text-slate-500">{t("col.share")}</div>
            <div
              className={`num font-semibold ${share >= OUTPUT_EFFECT_MIN_PERCENT * 100 ? "" : "text-red-600"}`}
            >
              {hundredthsToText(share)}%
            </div>
          </div>
        )}
      </div>
      <p className="text-xs text-slate-500">
        {kind === "PROJECT" ? t("editor.ruleProject") : t("editor.rule")}
      </p>
      {rows.length === 0 && <p className="text-sm text-slate-500">{t("editor.noLines")}</p>}
      <ol className="space-y-3">
        {rows.map((r, i) => {
          const err = (field: string) => f.errors[`lines.${i}.${field}`];
          const id = (field: string) => `tl-${r.key}-${field}`;
          const errorText = (field: string) =>
            err(field) && (
              <p id={`${id(field)}-error`} role="alert" className="mt-1 text-xs text-red-600">
                {err(field)!.join("；")}
              </p>
            );
          return (
            <li
              key={r.key}
              className="rounded-md border border-slate-200 bg-white p-3"
              aria-label={t("editor.lineN", { n: i + 1 })}
            >
              <div className="grid gap-2 md:grid-cols-[9rem_10rem_minmax(0,1fr)_6rem]">
                <div>
                  <label htmlFor={id("level1")} className="mb-1 block text-xs font-medium text-slate-600">
                    {t("col.level1")}
                  </label>
                  <select
                    {...fieldA11y(id("level1"), err("level1"))}
                    name="level1"
                    value={r.level1}
                    onChange={(e) => set(r.key, { level1: e.target.value })}
                    className={inputClass}
                  >
                    {dimensions.map((d) => (
                      <option key={d} value={d}>
                        {td(d)}
                      </option>
                    ))}
                  </select>
                  {errorText("level1")}
                </div>
                {FIELDS.map((field) => (
                  <div key={field}>
                    <label htmlFor={id(field)} className="mb-1 block text-xs font-medium text-slate-600">
                      {t(`col.${field}`)}
                    </label>
                    <input
                      {...fieldA11y(id(field), err(field))}
                      name={field}
                      value={r[field]}
                      inputMode={field === "maxPoints" ? "decimal" : undefined}
                      autoComplete="off"
                      onChange={(e) => set(r.key, { [field]: e.target.value })}
                      className={`${inputClass} ${field === "maxPoints" ? "num text-right" : ""}`}
                    />
                    {errorText(field)}
                  </div>
                ))}
              </div>
              <div className="mt-2 grid gap-2 md:grid-cols-[minmax(0,1fr)_auto]">
                <div>
                  <label htmlFor={id("guide")} className="mb-1 block text-xs font-medium text-slate-600">
                    {t("col.guide")}
                  </label>
                  <textarea
                    {...fieldA11y(id("guide"), err("guide"))}
                    name="guide"
                    rows={2}
                    maxLength={1000}
                    value={r.guide}
                    onChange={(e) => set(r.key, { guide: e.target.value })}
                    className={inputClass}
                  />
                  {errorText("guide")}
                </div>
                <div className="flex items-end gap-1">
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    aria-label={t("editor.upN", { n: i + 1 })}
                  >
                    ↑
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    disabled={i === rows.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={t("editor.downN", { n: i + 1 })}
                  >
                    ↓
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    onClick={() => {
                      setRows((all) => all.filter((x) => x.key !== r.key));
                      setDirty(true);
                    }}
                    aria-label={t("editor.removeN", { n: i + 1 })}
                  >
                    {t("editor.remove")}
                  </Button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur">
        <Button type="button" variant="secondary" onClick={add}>
          {t("editor.add")}
        </Button>
        <Button type="submit" disabled={f.pending}>
          {t("editor.save")}
        </Button>
      </div>
    </form>
  );
}
