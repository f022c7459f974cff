"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fieldA11y, inputClass } from "@/components/ui/field";
import type { Finding } from "../sheet-queries";

type Row = { key: string; id: string; problem: string; requirement: string; dueDate: string };

/**
 * 发现的问题 and 整改要求, edited inside a form: each row posts findingId / problem / requirement /
 * findingDue in order (a blank id is a new finding). Field errors arrive as findings.<i>.<field>.
 */
export function FindingsEditor({
  findings,
  errors,
}: {
  findings: Finding[];
  errors: Record<string, string[]>;
}) {
  const t = useTranslations("evaluations.findings");
  const [rows, setRows] = useState<Row[]>(() =>
    findings.map((f) => ({
      key: f.id,
      id: f.id,
      problem: f.problem,
      requirement: f.requirement,
      dueDate: f.dueDate ?? "",
    })),
  );
  const [counter, setCounter] = useState(0);
  const add = () => {
    setRows((r) => [...r, { key: `new-${counter}`, id: "", problem: "", requirement: "", dueDate: "" }]);
    setCounter((c) => c + 1);
  };
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-slate-800">{t("title")}</legend>
      <p className="text-xs text-slate-500">{t("hint")}</p>
      {rows.length === 0 && <p className="text-sm text-slate-500">{t("empty")}</p>}
      {rows.map((r, i) => {
        const pe = errors[`findings.${i}.problem`];
        const re = errors[`findings.${i}.requirement`];
        const de = errors[`findings.${i}.dueDate`];
        return (
          <div
            key={r.key}
            className="grid gap-2 rounded-md border border-slate-200 p-3 md:grid-cols-[1fr_1fr_10rem_auto]"
          >
            <input type="hidden" name="findingId" value={r.id} />
            <div>
              <label
                htmlFor={`finding-problem-${r.key}`}
                className="mb-1 block text-xs font-medium text-slate-600"
              >
                {t("problem", { n: i + 1 })}
              </label>
              <textarea
                {...fieldA11y(`finding-problem-${r.key}`, pe)}
                name="problem"
                rows={2}
                maxLength={2000}
                defaultValue={r.problem}
                className={inputClass}
              />
              {pe && (
                <p id={`finding-problem-${r.key}-error`} role="alert" className="mt-1 text-xs text-red-600">
                  {pe.join("；")}
                </p>
              )}
            </div>
            <div>
              <label
                htmlFor={`finding-requirement-${r.key}`}
                className="mb-1 block text-xs font-medium text-slate-600"
              >
                {t("requirement")}
              </label>
              <textarea
                {...fieldA11y(`finding-requirement-${r.key}`, re)}
                name="requirement"
                rows={2}
                maxLength={2000}
                defaultValue={r.requirement}
                className={inputClass}
              />
              {re && (
                <p
                  id={`finding-requirement-${r.key}-error`}
                  role="alert"
                  className="mt-1 text-xs text-red-600"
                >
                  {re.join("；")}
                </p>
              )}
            </div>
            <div>
              <label
                htmlFor={`finding-due-${r.key}`}
                className="mb-1 block text-xs font-medium text-slate-600"
              >
                {t("dueDate")}
              </label>
              <input
                {...fieldA11y(`finding-due-${r.key}`, de)}
                type="date"
                name="findingDue"
                defaultValue={r.dueDate}
                className={inputClass}
              />
              {de && (
                <p id={`finding-due-${r.key}-error`} role="alert" className="mt-1 text-xs text-red-600">
                  {de.join("；")}
                </p>
              )}
            </div>
            <div className="flex items-end">
              <Button
                type="button"
                variant="ghost"
                onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
                aria-label={t("removeN", { n: i + 1 })}
              >
                {t("remove")}
              </Button>
            </div>
          </div>
        );
      })}
      <Button type="button" variant="secondary" onClick={add}>
        {t("add")}
      </Button>
    </fieldset>
  );
}
