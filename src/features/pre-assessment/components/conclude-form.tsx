"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { AMOUNT_PATTERN, inUnit } from "@/domain/money";
import { PRE_ASSESSMENT_CONCLUSIONS, type PreAssessmentConclusion } from "@/server/schema/pre-assessment";
import { concludeAction } from "../actions";
import { cutAmount, cutRate } from "../rules";
import { useFormAction } from "./use-form-action";

type Props = { id: string; version: number; requested: string; expertsPending: boolean };

/** Finance's conclusion, with 核减额 and 核减率 computed live from the typed amount. */
export function ConcludeForm({ id, version, requested, expertsPending }: Props) {
  const t = useTranslations("preAssessment");
  const tc = useTranslations("common");
  const f = useFormAction(concludeAction);
  const [conclusion, setConclusion] = useState<PreAssessmentConclusion>(
    (f.values?.conclusion as PreAssessmentConclusion) ?? "SUPPORT",
  );
  const [typed, setTyped] = useState(f.values?.recommendedAmount ?? "");
  const recommended =
    conclusion === "SUPPORT"
      ? requested
      : conclusion === "REJECT"
        ? "0"
        : AMOUNT_PATTERN.test(typed)
          ? typed
          : null;
  if (f.ok) return <Alert tone="success">{t("conclude.done")}</Alert>;
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-4" aria-label={t("conclude.title")}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Field id="conclusion" label={t("conclude.conclusion")} error={f.errors.conclusion} required>
          <select
            {...fieldA11y("conclusion", f.errors.conclusion)}
            name="conclusion"
            value={conclusion}
            onChange={(e) => setConclusion(e.target.value as PreAssessmentConclusion)}
            className={inputClass}
          >
            {PRE_ASSESSMENT_CONCLUSIONS.map((c) => (
              <option key={c} value={c}>
                {t(`conclusion.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="recommendedAmount"
          label={t("conclude.recommended")}
          hint={t("conclude.recommendedHint")}
          error={f.errors.recommendedAmount}
        >
          <input
            {...fieldA11y("recommendedAmount", f.errors.recommendedAmount)}
            name="recommendedAmount"
            inputMode="decimal"
            autoComplete="off"
            disabled={conclusion !== "SUPPORT_ADJUSTED"}
            value={conclusion === "SUPPORT_ADJUSTED" ? typed : (recommended ?? "")}
            onChange={(e) => setTyped(e.target.value)}
            className={`${inputClass} num text-right`}
          />
        </Field>
      </div>
      <dl className="grid grid-cols-2 gap-3 rounded-md bg-slate-50 p-3 text-sm" aria-live="polite">
        <div>
          <dt className="text-slate-500">{t("conclude.cut")}</dt>
          <dd className="num font-semibold" data-testid="live-cut">
            {recommended ? `${inUnit(cutAmount(requested, recommended), "wan", 2)} ${tc("unitWan")}` : "—"}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("conclude.rate")}</dt>
          <dd className="num font-semibold" data-testid="live-rate">
            {recommended ? `${cutRate(requested, recommended) ?? "—"}%` : "—"}
          </dd>
        </div>
      </dl>
      <Field id="note" label={t("conclude.note")} error={f.errors.note}>
        <textarea
          {...fieldA11y("note", f.errors.note)}
          name="note"
          rows={2}
          maxLength={1000}
          defaultValue={f.values?.note ?? ""}
          className={inputClass}
        />
      </Field>
      {expertsPending && (
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="checkbox" name="override" className="mt-0.5 h-4 w-4 rounded border-slate-300" />
          {t("conclude.override")}
        </label>
      )}
      <Button type="submit" disabled={f.pending}>
        {t("conclude.submit")}
      </Button>
    </form>
  );
}
