"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { importScoresAction, type ImportState } from "../actions";
import { ExportButton } from "@/components/ui/export-button";

/** 批量导入: download the template of the unit's open self-evaluations, fill it, upload it back. */
export function ImportForm({ year, editable }: { year: number; editable: number }) {
  const t = useTranslations("selfEvaluation.import");
  const [state, formAction, pending] = useActionState<ImportState, FormData>(importScoresAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <Card title={t("title")}>
      <div className="space-y-3">
        <p className="text-sm text-slate-600">{t("body", { n: editable })}</p>
        <ExportButton href={`/self-evaluations/template?year=${year}`}>{t("download")}</ExportButton>
        <form action={formAction} className="space-y-3">
          <input type="hidden" name="year" value={year} />
          {state?.ok && (
            <Alert tone="success">{t("done", { n: state.data.evaluations, lines: state.data.lines })}</Alert>
          )}
          {state && !state.ok && (
            <Alert tone="error">
              <p>{state.message}</p>
              {errors.rows && (
                <ul className="mt-2 list-disc space-y-0.5 pl-5" aria-label={t("rowErrors")}>
                  {errors.rows.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              )}
            </Alert>
          )}
          <Field id="import-file" label={t("file")} hint={t("fileHint")} error={errors.file}>
            <input
              {...fieldA11y("import-file", errors.file)}
              type="file"
              name="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-2 file:py-1`}
            />
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? t("working") : t("submit")}
          </Button>
        </form>
      </div>
    </Card>
  );
}
