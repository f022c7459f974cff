"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { text, useFormAction } from "@/components/hooks/use-form-action";
import { RATING_CRITERIA, ratingTotal, type RatingCriterion } from "@/features/agencies/rules";
import { rateEngagementAction } from "../actions";

const KEYS = Object.keys(RATING_CRITERIA) as RatingCriterion[];

/** 机构评价: points per criterion with the live total out of 100, and a comment. */
export function RatingForm({ evaluationId }: { evaluationId: string }) {
  const t = useTranslations("thirdParty.rating");
  const ta = useTranslations("agencies.ratings");
  const f = useFormAction(rateEngagementAction);
  const [points, setPoints] = useState<Record<string, string>>({});
  const parsed = Object.fromEntries(
    KEYS.map((k) => [k, points[k] === undefined || points[k] === "" ? undefined : Number(points[k])]),
  );
  const total = ratingTotal(parsed);
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-4" aria-label={t("title")}>
      <input type="hidden" name="evaluationId" value={evaluationId} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {KEYS.map((k) => (
          <Field
            key={k}
            id={`rating-${k}`}
            label={ta(k, { max: RATING_CRITERIA[k] })}
            error={f.errors[k]}
            required
          >
            <input
              {...fieldA11y(`rating-${k}`, f.errors[k])}
              name={k}
              inputMode="decimal"
              defaultValue={f.values ? text(f.values[k]) : ""}
              onChange={(e) => setPoints((p) => ({ ...p, [k]: e.target.value }))}
              className={`${inputClass} num`}
            />
          </Field>
        ))}
      </div>
      <Field id="rating-comment" label={t("comment")} error={f.errors.comment}>
        <textarea
          {...fieldA11y("rating-comment", f.errors.comment)}
          name="comment"
          rows={2}
          maxLength={1000}
          defaultValue={f.values ? text(f.values.comment) : ""}
          className={inputClass}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <p className="text-sm font-medium" aria-live="polite" data-testid="rating-total">
          {total === null ? t("totalPending") : t("total", { total: total.toFixed(2) })}
        </p>
        <Button type="submit" disabled={f.pending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
