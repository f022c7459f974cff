"use client";

import { useTranslations } from "next-intl";
import { fieldA11y, inputClass } from "@/components/ui/field";
import type { GradeCutoffs } from "@/domain/evaluation";
import { FindingsEditor } from "@/features/evaluations/components/findings-editor";
import { SheetForm } from "@/features/evaluations/components/sheet-form";
import type { Finding, SheetLine } from "@/features/evaluations/sheet-queries";
import { saveEngagementReportAction } from "../actions";

/**
 * The agency's work on an engagement: the score sheet (its own points; a department's own points
 * beside them on a department-wide evaluation), the 评价报告 and the findings, saved as it goes and
 * submitted to finance for the quality review.
 */
export function ReportForm({
  evaluationId,
  version,
  lines,
  showSelf,
  cutoffs,
  summary,
  findings,
}: {
  evaluationId: string;
  version: number;
  lines: SheetLine[];
  showSelf: boolean;
  cutoffs: GradeCutoffs;
  summary: string;
  findings: Finding[];
}) {
  const t = useTranslations("thirdParty.report");
  return (
    <SheetForm
      action={saveEngagementReportAction}
      hidden={{ evaluationId, version }}
      lines={lines}
      column="points"
      showSelf={showSelf}
      cutoffs={cutoffs}
      submitLabel={t("submit")}
      label={t("sheetLabel")}
    >
      {(errors) => (
        <div className="space-y-5">
          <div>
            <label htmlFor="report-summary" className="mb-1 block text-sm font-semibold text-slate-800">
              {t("summary")}
              <span className="ml-0.5 text-red-600" aria-hidden="true">
                *
              </span>
            </label>
            <p className="mb-1 text-xs text-slate-500">{t("summaryHint")}</p>
            <textarea
              {...fieldA11y("report-summary", errors.summary)}
              name="summary"
              rows={8}
              maxLength={20000}
              defaultValue={summary}
              className={inputClass}
            />
            {errors.summary && (
              <p id="report-summary-error" role="alert" className="mt-1 text-xs text-red-600">
                {errors.summary.join("；")}
              </p>
            )}
          </div>
          <FindingsEditor findings={findings} errors={errors} />
        </div>
      )}
    </SheetForm>
  );
}
