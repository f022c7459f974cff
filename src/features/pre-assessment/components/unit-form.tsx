"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { savePreAssessmentAction } from "../actions";
import { DIMENSIONS, totalScore, type Dimension } from "../rules";
import { useFormAction } from "./use-form-action";

type Props = {
  projectId: string;
  version: number;
  initial: Record<string, string>;
  editable: boolean;
};

/** The unit's five dimensions: a score out of 20 and a narrative each, with the total shown live. */
export function UnitForm({ projectId, version, initial, editable }: Props) {
  const t = useTranslations("preAssessment");
  const f = useFormAction(savePreAssessmentAction);
  const start = f.values ?? initial;
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(DIMENSIONS.map((d) => [d, start[`${d}Score`] ?? ""])),
  );
  const parsed = Object.fromEntries(
    DIMENSIONS.map((d) => [d, /^\d+$/.test(scores[d] ?? "") ? Number(scores[d]) : null]),
  ) as Record<Dimension, number | null>;

  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-4" aria-label={t("form.title")}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="version" value={version} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      {f.ok && <Alert tone="success">{t("form.saved")}</Alert>}
      {!editable && <Alert tone="info">{t("form.readOnly")}</Alert>}
      <fieldset disabled={!editable} className="space-y-4">
        {DIMENSIONS.map((d) => (
          <div key={d} className="grid grid-cols-1 gap-3 md:grid-cols-[13rem_1fr]">
            <Field
              id={`${d}Score`}
              label={`${t(`dimensions.${d}`)} · ${t("form.score")}`}
              error={f.errors[`${d}Score`]}
            >
              <input
                {...fieldA11y(`${d}Score`, f.errors[`${d}Score`])}
                name={`${d}Score`}
                type="number"
                min={0}
                max={20}
                step={1}
                inputMode="numeric"
                value={scores[d]}
                onChange={(e) => setScores((s) => ({ ...s, [d]: e.target.value }))}
                className={`${inputClass} num text-right`}
              />
            </Field>
            <Field
              id={`${d}Text`}
              label={`${t(`dimensions.${d}`)} · ${t("form.narrative")}`}
              error={f.errors[`${d}Text`]}
            >
              <textarea
                {...fieldA11y(`${d}Text`, f.errors[`${d}Text`])}
                name={`${d}Text`}
                rows={2}
                maxLength={2000}
                defaultValue={start[`${d}Text`] ?? ""}
                className={inputClass}
              />
            </Field>
          </div>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-3">
        <p className="text-sm font-medium text-slate-800" aria-live="polite" data-testid="live-total">
          {t("form.live", { total: totalScore(parsed) })}
        </p>
        {editable && (
          <div className="flex gap-2">
            <Button type="submit" variant="secondary" disabled={f.pending}>
              {t("form.saveDraft")}
            </Button>
            <Button type="submit" name="submit" value="on" disabled={f.pending}>
              {t("form.submit")}
            </Button>
          </div>
        )}
      </div>
    </form>
  );
}
