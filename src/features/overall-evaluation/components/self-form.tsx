"use client";

import { useTranslations } from "next-intl";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import type { GradeCutoffs } from "@/domain/evaluation";
import { SheetForm } from "@/features/evaluations/components/sheet-form";
import type { SheetLine } from "@/features/evaluations/sheet-queries";
import { saveDeptSelfAction, saveTownshipSelfAction } from "../actions";
import type { OverallType } from "../flow";

/**
 * The subject's own evaluation: its points and notes per indicator, its self-evaluation report, and
 * for a department the 预算执行情况说明 (the execution report is evaluated together with it).
 */
export function SelfEvaluationForm({
  type,
  evaluationId,
  version,
  lines,
  cutoffs,
  selfReport,
  improvement,
}: {
  type: OverallType;
  evaluationId: string;
  version: number;
  lines: SheetLine[];
  cutoffs: GradeCutoffs;
  selfReport: string;
  improvement: string;
}) {
  const t = useTranslations("overallEvaluation.self");
  const dept = type === "DEPT_OVERALL";
  return (
    <SheetForm
      action={dept ? saveDeptSelfAction : saveTownshipSelfAction}
      hidden={{ evaluationId, version }}
      lines={lines}
      column="selfPoints"
      cutoffs={cutoffs}
      label={t("sheetLabel")}
      submitLabel={dept ? t("submitDept") : t("submitTownship")}
    >
      {(errors) => (
        <div className="space-y-4">
          <Field
            id="self-report"
            label={dept ? t("reportDept") : t("reportTownship")}
            hint={dept ? t("reportDeptHint") : t("reportTownshipHint")}
            error={errors.selfReport}
            required
          >
            <textarea
              {...fieldA11y("self-report", errors.selfReport)}
              name="selfReport"
              rows={6}
              maxLength={8000}
              defaultValue={selfReport}
              className={inputClass}
            />
          </Field>
          {dept ? (
            <Field
              id="self-execution"
              label={t("execution")}
              hint={t("executionHint")}
              error={errors.improvement}
              required
            >
              <textarea
                {...fieldA11y("self-execution", errors.improvement)}
                name="improvement"
                rows={4}
                maxLength={8000}
                defaultValue={improvement}
                className={inputClass}
              />
            </Field>
          ) : (
            <input type="hidden" name="improvement" value={improvement} />
          )}
        </div>
      )}
    </SheetForm>
  );
}
