"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ExportButton } from "@/components/ui/export-button";
import { Field, fieldA11y } from "@/components/ui/field";
import { ImportRowErrors, rowErrorsOf } from "@/components/ui/import-row-errors";
import { Table, Td, Th } from "@/components/ui/table";
import { readIndicatorFileAction, type IndicatorFileState } from "../actions";
import { OPERATOR_SYMBOL } from "../levels";
import type { IndicatorRow } from "../schemas";
import { submitWithoutReset } from "./submit-without-reset";

/**
 * 从 Excel 导入指标, beside the sheet editor (its own form: forms do not nest). 检查文件 reads the file
 * on the server: every bad row by line, or a preview; 替换 puts the rows into the editor, unsaved.
 */
export function IndicatorImport({
  projectId,
  current,
  onReplace,
}: {
  projectId: string;
  current: number;
  onReplace: (rows: IndicatorRow[]) => void;
}) {
  const t = useTranslations("targets.import");
  const tt = useTranslations("targets");
  const [state, dispatch, pending] = useActionState<IndicatorFileState, FormData>(
    readIndicatorFileAction,
    null,
  );
  const [replaced, setReplaced] = useState<IndicatorFileState>(null);
  const failed = state && !state.ok ? state : null;
  const fieldErrors = failed?.fieldErrors ?? {};
  const rowErrors = rowErrorsOf(fieldErrors);
  const data = state?.ok ? state.data : null;
  const done = data !== null && replaced === state;
  return (
    <details className="rounded-lg border border-slate-200 bg-white" open={state !== null || undefined}>
      <summary className="cursor-pointer px-4 py-3 text-sm font-semibold text-slate-800">
        {t("title")}
      </summary>
      <div className="space-y-4 border-t border-slate-100 p-4" data-testid="indicator-import">
        <p className="text-sm text-slate-600">{t("description")}</p>
        <ExportButton href="/targets/indicator-template">{t("template")}</ExportButton>
        <form
          onSubmit={submitWithoutReset(dispatch)}
          className="flex flex-wrap items-end gap-3"
          noValidate
          aria-label={t("formLabel")}
        >
          <input type="hidden" name="projectId" value={projectId} />
          <div className="min-w-64 flex-1">
            <Field id="ind-file" label={t("file")} error={fieldErrors.file} required>
              <input
                {...fieldA11y("ind-file", fieldErrors.file)}
                name="file"
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
              />
            </Field>
          </div>
          <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending || undefined}>
            {pending ? t("reading") : t("read")}
          </Button>
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
          testId="indicator-import-error"
        />
        {data &&
          (done ? (
            <Alert tone="success">{t("replaced", { count: data.rows.length })}</Alert>
          ) : (
            <div className="space-y-3">
              <Alert tone="info">{t("previewSummary", { count: data.rows.length, current })}</Alert>
              <Table aria-label={t("previewTitle")} data-testid="indicator-import-preview">
                <thead>
                  <tr>
                    <Th>{t("line")}</Th>
                    <Th>{t("columns.level1")}</Th>
                    <Th>{t("columns.level2")}</Th>
                    <Th>{t("columns.name")}</Th>
                    <Th>{t("columns.operator")}</Th>
                    <Th>{t("columns.targetValue")}</Th>
                    <Th>{t("columns.unit")}</Th>
                    <Th align="right">{t("columns.points")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {data.rows.map((r) => (
                    <tr key={r.line}>
                      <Td className="num">{r.line}</Td>
                      <Td>{tt(`level1.${r.level1}`)}</Td>
                      <Td>{tt(`level2.${r.level2}`)}</Td>
                      <Td>{r.name}</Td>
                      <Td>{OPERATOR_SYMBOL[r.operator]}</Td>
                      <Td>{r.targetValue}</Td>
                      <Td>{r.unit}</Td>
                      <Td align="right">{r.points}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <Button
                type="button"
                onClick={() => {
                  onReplace(data.rows);
                  setReplaced(state);
                }}
              >
                {t("replace", { count: data.rows.length })}
              </Button>
            </div>
          ))}
      </div>
    </details>
  );
}
