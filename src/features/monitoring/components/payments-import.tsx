"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { ImportRowErrors, rowErrorsOf } from "@/components/ui/import-row-errors";
import { Table, Td, Th } from "@/components/ui/table";
import { inUnit } from "@/domain/money";
import { submitWithoutReset } from "@/features/targets/components/submit-without-reset";
import { importPaymentsAction, type ImportState } from "../actions";

/**
 * 导入国库支付数据: 预览 checks the whole file and shows it (or every bad row); 确认导入 sends the same
 * file again and saves all of it or nothing. The form is not reset, so the chosen file stays.
 */
export function PaymentsImport({ years, defaultYear }: { years: number[]; defaultYear: number }) {
  const t = useTranslations("monitoring.payments");
  const ts = useTranslations("monitoring.source");
  const [state, dispatch, pending] = useActionState<ImportState, FormData>(importPaymentsAction, null);
  const failed = state && !state.ok ? state : null;
  const fieldErrors = failed?.fieldErrors ?? {};
  const rowErrors = rowErrorsOf(fieldErrors);
  const data = state?.ok ? state.data : null;
  return (
    <div className="space-y-5">
      <form
        onSubmit={submitWithoutReset(dispatch)}
        className="space-y-4"
        noValidate
        aria-label={t("formLabel")}
      >
        <div className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
          <Field id="pi-year" label={t("year")} error={fieldErrors.year} required>
            <select
              {...fieldA11y("pi-year", fieldErrors.year)}
              name="year"
              defaultValue={String(defaultYear)}
              className={inputClass}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </Field>
          <Field id="pi-file" label={t("file")} hint={t("fileHint")} error={fieldErrors.file} required>
            <input
              {...fieldA11y("pi-file", fieldErrors.file)}
              name="file"
              type="file"
              accept=".xlsx,.csv"
              className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
            />
          </Field>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending}>
            {t("preview")}
          </Button>
          {data && data.importId === null && (
            <Button type="submit" name="intent" value="import" disabled={pending}>
              {pending ? t("importing") : t("import", { count: data.count })}
            </Button>
          )}
        </div>
      </form>
      {failed && <Alert tone="error">{failed.message}</Alert>}
      <ImportRowErrors
        errors={rowErrors}
        labels={{
          title: t("errorsTitle"),
          line: t("line"),
          problems: t("problems"),
          lineN: (line) => t("lineN", { line }),
        }}
      />
      {data && (
        <div className="space-y-3">
          <Alert tone={data.importId ? "success" : "info"}>
            {t(data.importId ? "imported" : "previewSummary", {
              count: data.count,
              projects: data.projects,
              total: inUnit(data.total, "wan"),
            })}
          </Alert>
          <Table aria-label={t("previewTitle")}>
            <thead>
              <tr>
                <Th>{t("line")}</Th>
                <Th>{t("code")}</Th>
                <Th>{t("date")}</Th>
                <Th align="right">{t("amount")}</Th>
                <Th>{t("source")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.preview.map((r) => (
                <tr key={r.line}>
                  <Td className="num">{r.line}</Td>
                  <Td className="num">{r.code}</Td>
                  <Td className="num">{r.paidOn}</Td>
                  <Td align="right">{inUnit(r.amount, "wan")}</Td>
                  <Td>{ts(r.source)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {data.count > data.preview.length && (
            <p className="text-xs text-slate-500">
              {t("previewMore", { shown: data.preview.length, count: data.count })}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
