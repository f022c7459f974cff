"use client";

import { useTranslations } from "next-intl";
import { fieldA11y, inputClass } from "@/components/ui/field";
import type { GradeCutoffs } from "@/domain/evaluation";
import { FindingsEditor } from "@/features/evaluations/components/findings-editor";
import { SheetForm } from "@/features/evaluations/components/sheet-form";
import type { Finding, SheetLine } from "@/features/evaluations/sheet-queries";
import { saveKeySheetAction } from "../actions";

/**
 * The assigned reviewers' sheet: points and notes per line, the findings with their 整改要求, and the
 * evaluation's summary (评价结论), saved as they go; the lead also submits it to finance.
 */
export function KeySheetForm({
  evaluationId,
  version,
  lines,
  cutoffs,
  summary,
  findings,
  lead,
}: {
  evaluationId: string;
  version: number;
  lines: SheetLine[];
  cutoffs: GradeCutoffs;
  summary: string;
  findings: Finding[];
  lead: boolean;
}) {
  const t = useTranslations("keyEvaluation.sheet");
  return (
    <SheetForm
      key={version}
      action={saveKeySheetAction}
      hidden={{ evaluationId, version }}
      lines={lines}
      column="points"
      cutoffs={cutoffs}
      submitLabel={lead ? t("submit") : undefined}
      savedMessage={t("saved")}
      label={t("label")}
    >
      {(errors) => (
        <div className="space-y-5 border-t border-slate-100 pt-4">
          <FindingsEditor findings={findings} errors={errors} />
          <div>
            <label htmlFor="key-summary" className="mb-1 block text-sm font-semibold text-slate-800">
              {t("summary")}
            </label>
            <p className="mb-1 text-xs text-slate-500">{lead ? t("summaryHintLead") : t("summaryHint")}</p>
            <textarea
              {...fieldA11y("key-summary", errors.summary)}
              name="summary"
              rows={5}
              maxLength={5000}
              defaultValue={summary}
              className={inputClass}
            />
            {errors.summary && (
              <p id="key-summary-error" role="alert" className="mt-1 text-xs text-red-600">
                {errors.summary.join("；")}
              </p>
            )}
          </div>
        </div>
      )}
    </SheetForm>
  );
}
