import "server-only";
import { getTranslations } from "next-intl/server";
import { districtReader } from "@/features/districts/queries";
import { writeAudit } from "@/server/audit";
import { db } from "@/server/db";
import { excelResponse } from "@/server/excel";
import { can } from "@/server/permissions";
import type { RequestMeta } from "@/server/request-context";
import type { CurrentUser } from "@/server/session";
import {
  resultsExportRows,
  resultYears,
  summaryByDepartment,
  type ResultRow,
  type SummaryRow,
} from "./queries";

const AMOUNT = "#,##0.00";
// Excel cells hold binary floats; the stored decimals are converted only here, for display (万元).
const wan = (v: string) => Number(v) / 10000;

async function* each<T>(rows: T[]) {
  for (const r of rows) yield r;
}

/** The projects' suggestions, or the summary by department, of a year as .xlsx; audited. */
export async function exportResults(
  user: CurrentUser,
  params: URLSearchParams,
  meta: RequestMeta,
  view: "list" | "summary",
) {
  const actor = { id: user.id, username: user.username, role: user.role };
  const years = await resultYears();
  const year = Number(params.get("year"));
  if (!can(user.role, "results.export") || !years.includes(year)) {
    await writeAudit(db, {
      actor,
      action: "access.denied",
      result: "DENIED",
      changes: { action: "exportResults", code: "NOT_FOUND" },
      ...meta,
    });
    return new Response(null, { status: 404 });
  }
  // A province-level user's 行政区划 narrows the export as it does the list.
  const { reader, district } = await districtReader(user, params.get("district") ?? undefined);
  const [t, tg, te, tc] = await Promise.all([
    getTranslations("results"),
    getTranslations("enums.grade"),
    getTranslations("evaluations.type"),
    getTranslations("common"),
  ]);
  await writeAudit(db, {
    actor,
    action: "resultApplication.exported",
    changes: { year, view, district },
    ...meta,
  });
  const unit = ` (${tc("unitWan")})`;
  if (view === "summary") {
    return excelResponse<SummaryRow>({
      filename: `${t("exportSummaryFile")}-${year}.xlsx`,
      sheetName: t("exportSheet"),
      columns: [
        { header: t("col.department"), width: 24, value: (r) => r.departmentName },
        { header: t("col.projects"), width: 10, value: (r) => r.projects },
        { header: tg("EXCELLENT"), width: 8, value: (r) => r.excellent },
        { header: tg("GOOD"), width: 8, value: (r) => r.good },
        { header: tg("PASS"), width: 8, value: (r) => r.pass },
        { header: tg("FAIL"), width: 8, value: (r) => r.fail },
        { header: t("col.budget") + unit, width: 18, numFmt: AMOUNT, value: (r) => wan(r.budget) },
        { header: t("col.suggested") + unit, width: 18, numFmt: AMOUNT, value: (r) => wan(r.suggested) },
        { header: t("col.change") + unit, width: 18, numFmt: AMOUNT, value: (r) => wan(r.change) },
      ],
      rows: each(await summaryByDepartment(reader, year)),
    });
  }
  return excelResponse<ResultRow>({
    filename: `${t("exportFile")}-${year}.xlsx`,
    sheetName: t("exportSheet"),
    columns: [
      { header: t("col.code"), width: 16, value: (r) => r.code },
      { header: t("col.project"), width: 40, value: (r) => r.name },
      { header: t("col.department"), width: 20, value: (r) => r.departmentName },
      { header: t("col.basis"), width: 14, value: (r) => te(r.type) },
      {
        header: t("col.score"),
        width: 8,
        value: (r) => (r.totalScore === null ? null : Number(r.totalScore)),
      },
      { header: t("col.grade"), width: 8, value: (r) => tg(r.grade) },
      { header: t("col.budget") + unit, width: 16, numFmt: AMOUNT, value: (r) => wan(r.budget) },
      { header: t("col.percent"), width: 10, value: (r) => r.percent },
      { header: t("col.suggested") + unit, width: 16, numFmt: AMOUNT, value: (r) => wan(r.suggested) },
      { header: t("col.adjustReason"), width: 30, value: (r) => r.adjustReason ?? "" },
      { header: t("col.accountability"), width: 30, value: (r) => r.accountability ?? "" },
      {
        header: t("col.disclosed"),
        width: 10,
        value: (r) => (r.disclosed ? t("disclosedYes") : t("disclosedNo")),
      },
    ],
    rows: each(await resultsExportRows(reader, year)),
  });
}
