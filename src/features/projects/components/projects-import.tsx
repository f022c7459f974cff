"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ExportButton } from "@/components/ui/export-button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { ImportRowErrors, rowErrorsOf } from "@/components/ui/import-row-errors";
import { Table, Td, Th } from "@/components/ui/table";
import { inUnit } from "@/domain/money";
import { submitWithoutReset } from "@/features/targets/components/submit-without-reset";
import { importProjectsAction, type ImportProjectsState } from "../actions";

/**
 * 批量导入项目: download the template, upload it filled; 预览检查 reads the whole file and shows it (or
 * every bad row by line); 确认导入 sends the same file again and files all of it or none. The form is
 * not reset, so the chosen file stays; the buttons say what is under way while the server works.
 */
export function ProjectsImport({ years, defaultYear }: { years: number[]; defaultYear: number }) {
  const t = useTranslations("projects.import");
  const te = useTranslations("enums");
  const [state, dispatch, pending] = useActionState<ImportProjectsState, FormData>(
    importProjectsAction,
    null,
  );
  const [intent, setIntent] = useState<"preview" | "import">("preview");
  const failed = state && !state.ok ? state : null;
  const fieldErrors = failed?.fieldErrors ?? {};
  const rowErrors = rowErrorsOf(fieldErrors);
  const data = state?.ok ? state.data : null;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <ExportButton href="/projects/import/template">{t("template")}</ExportButton>
      </div>
      <form
        onSubmit={submitWithoutReset(dispatch)}
        className="space-y-4"
        noValidate
        aria-label={t("formLabel")}
        aria-busy={pending || undefined}
      >
        <div className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
          <Field id="pj-year" label={t("year")} error={fieldErrors.year} required>
            <select
              {...fieldA11y("pj-year", fieldErrors.year)}
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
          <Field id="pj-file" label={t("file")} hint={t("fileHint")} error={fieldErrors.file} required>
            <input
              {...fieldA11y("pj-file", fieldErrors.file)}
              name="file"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
            />
          </Field>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button
            type="submit"
            name="intent"
            value="preview"
            variant="secondary"
            disabled={pending}
            onClick={() => setIntent("preview")}
          >
            {pending && intent === "preview" ? t("checking") : t("preview")}
          </Button>
          {data && data.imported === null && (
            <Button
              type="submit"
              name="intent"
              value="import"
              disabled={pending}
              onClick={() => setIntent("import")}
            >
              {pending && intent === "import"
                ? t("importing", { count: data.count })
                : t("import", { count: data.count })}
            </Button>
          )}
          {pending && (
            <span role="status" className="inline-flex items-center gap-2 text-sm text-slate-600">
              <span
                aria-hidden="true"
                className="size-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent"
              />
              {intent === "import" && data ? t("importing", { count: data.count }) : t("checking")}
            </span>
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
          <Alert tone={data.imported ? "success" : "info"}>
            {t(data.imported ? "imported" : "previewSummary", {
              count: data.count,
              total: inUnit(data.total, "wan"),
            })}
            {data.imported && (
              <>
                {" "}
                <Link href={`/projects?year=${data.year}&stage=DRAFT`} className="font-medium underline">
                  {t("viewImported")}
                </Link>
              </>
            )}
          </Alert>
          <Table aria-label={t("previewTitle")} data-testid="import-preview">
            <thead>
              <tr>
                <Th>{t("line")}</Th>
                <Th>{t("columns.name")}</Th>
                <Th>{t("columns.kind")}</Th>
                <Th>{t("columns.novelty")}</Th>
                <Th>{t("columns.duration")}</Th>
                <Th>{t("columns.isMajor")}</Th>
                <Th>{t("columns.specialArea")}</Th>
                <Th align="right">{t("previewAmount")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.preview.map((r) => (
                <tr key={r.line}>
                  <Td className="num">{r.line}</Td>
                  <Td>{r.name}</Td>
                  <Td>{te(`projectKind.${r.kind}`)}</Td>
                  <Td>{te(`novelty.${r.novelty}`)}</Td>
                  <Td>{te(`duration.${r.duration}`)}</Td>
                  <Td>{r.isMajor ? t("major") : t("notMajor")}</Td>
                  <Td>{te(`specialArea.${r.specialArea}`)}</Td>
                  <Td align="right">{inUnit(r.requestedAmount, "wan")}</Td>
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
