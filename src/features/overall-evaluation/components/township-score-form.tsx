"use client";

import { useTranslations } from "next-intl";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import type { GradeCutoffs } from "@/domain/evaluation";
import { FindingsEditor } from "@/features/evaluations/components/findings-editor";
import { SheetForm } from "@/features/evaluations/components/sheet-form";
import type { Finding, SheetLine } from "@/features/evaluations/sheet-queries";
import { scoreTownshipAction } from "../actions";

/**
 * Finance scores a township's fiscal operation: its points beside the township's own, findings with
 * 整改要求, and its 评价意见; the second button settles it with the total and grade.
 */
export function TownshipScoreForm({
  evaluationId,
  version,
  lines,
  findings,
  cutoffs,
  summary,
}: {
  evaluationId: string;
  version: number;
  lines: SheetLine[];
  findings: Finding[];
  cutoffs: GradeCutoffs;
  summary: string;
}) {
  const t = useTranslations("overallEvaluation.township.score");
  return (
    <SheetForm
      action={scoreTownshipAction}
      hidden={{ evaluationId, version }}
      lines={lines}
      column="points"
      showSelf
      cutoffs={cutoffs}
      label={t("sheetLabel")}
      submitLabel={t("settle")}
    >
      {(errors) => (
        <div className="space-y-4">
          <FindingsEditor findings={findings} errors={errors} />
          <Field
            id="score-summary"
            label={t("summary")}
            hint={t("summaryHint")}
            error={errors.summary}
            required
          >
            <textarea
              {...fieldA11y("score-summary", errors.summary)}
              name="summary"
              rows={5}
              maxLength={8000}
              defaultValue={summary}
              className={inputClass}
            />
          </Field>
        </div>
      )}
    </SheetForm>
  );
}
