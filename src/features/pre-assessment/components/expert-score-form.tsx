"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { saveExpertReviewAction } from "../actions";
import { DIMENSIONS, totalScore, type Dimension } from "../rules";
import { useFormAction } from "./use-form-action";

type Props = { projectId: string; version: number; initial: Record<string, string> };

/** An expert's five scores and opinion; saved as a draft or submitted (then final). */
export function ExpertScoreForm({ projectId, version, initial }: Props) {
  const t = useTranslations("preAssessment");
  const f = useFormAction(saveExpertReviewAction);
  const start = f.values ?? initial;
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(DIMENSIONS.map((d) => [d, start[`${d}Score`] ?? ""])),
  );
  const total = totalScore(
    Object.fromEntries(
      DIMENSIONS.map((d) => [d, /^\d+$/.test(scores[d] ?? "") ? Number(scores[d]) : null]),
    ) as Record<Dimension, number | null>,
  );
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-4" aria-label={t("score.title")}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="version" value={version} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      {f.ok && <Alert tone="success">{t("score.saved")}</Alert>}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        {DIMENSIONS.map((d) => (
          <Field key={d} id={`expert-${d}`} label={t(`dimensions.${d}`)} error={f.errors[`${d}Score`]}>
            <input
              {...fieldA11y(`expert-${d}`, f.errors[`${d}Score`])}
              name={`${d}Score`}
              type="number"
              min={0}
              max={20}
              inputMode="numeric"
              value={scores[d]}
              onChange={(e) => setScores((s) => ({ ...s, [d]: e.target.value }))}
              className={`${inputClass} num text-right`}
            />
          </Field>
        ))}
      </div>
      <Field id="opinion" label={t("score.opinion")} error={f.errors.opinion} required>
        <textarea
          {...fieldA11y("opinion", f.errors.opinion)}
          name="opinion"
          rows={4}
          maxLength={2000}
          defaultValue={start.opinion ?? ""}
          className={inputClass}
        />
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm font-medium" aria-live="polite">
          {t("form.live", { total })}
        </p>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary" disabled={f.pending}>
            {t("score.save")}
          </Button>
          <Button type="submit" name="submit" value="on" disabled={f.pending}>
            {t("score.submit")}
          </Button>
        </div>
      </div>
    </form>
  );
}
