import "server-only";
import { getTranslations } from "next-intl/server";
import { ratePercent } from "@/domain/money";
import { writeAudit } from "@/server/audit";
import { db } from "@/server/db";
import { excelResponse, inBatches, type ExcelColumn } from "@/server/excel";
import { resolveDistrict } from "@/features/districts/queries";
import { can } from "@/server/permissions";
import type { RequestMeta } from "@/server/request-context";
import type { CurrentUser } from "@/server/session";
import {
  countProjects,
  departmentFilter,
  exportBatch,
  type ExportCursor,
  fiscalYearOptions,
  type ProjectExportRow,
} from "./queries";
import { resolveListFilters } from "./schemas";

const AMOUNT = "#,##0.00";
// Excel cells hold binary floats; the stored decimals are converted only here, for display.
const amount = (v: string) => Number(v);

async function columns(): Promise<ExcelColumn<ProjectExportRow>[]> {
  const [t, te, tc] = await Promise.all([
    getTranslations("projects.export"),
    getTranslations("enums"),
    getTranslations("common"),
  ]);
  return [
    { header: t("year"), width: 8, value: (r) => r.year },
    { header: t("code"), width: 16, value: (r) => r.code },
    { header: t("name"), width: 44, value: (r) => r.name },
    { header: t("unit"), width: 24, value: (r) => r.unitName },
    { header: t("department"), width: 20, value: (r) => r.departmentName },
    { header: t("kind"), width: 14, value: (r) => te(`projectKind.${r.kind}`) },
    { header: t("novelty"), width: 10, value: (r) => te(`novelty.${r.novelty}`) },
    { header: t("duration"), width: 10, value: (r) => te(`duration.${r.duration}`) },
    { header: t("major"), width: 10, value: (r) => (r.isMajor ? tc("yes") : tc("no")) },
    { header: t("specialArea"), width: 14, value: (r) => te(`specialArea.${r.specialArea}`) },
    { header: t("requested"), width: 18, numFmt: AMOUNT, value: (r) => amount(r.requestedAmount) },
    { header: t("initialBudget"), width: 18, numFmt: AMOUNT, value: (r) => amount(r.initialBudget) },
    { header: t("budget"), width: 18, numFmt: AMOUNT, value: (r) => amount(r.budgetTotal) },
    { header: t("executed"), width: 18, numFmt: AMOUNT, value: (r) => amount(r.executedTotal) },
    {
      header: t("rate"),
      width: 12,
      numFmt: "0.00",
      value: (r) => {
        const rate = ratePercent(r.executedTotal, r.budgetTotal, 2);
        return rate === null ? null : Number(rate);
      },
    },
    { header: t("stage"), width: 12, value: (r) => te(`stage.${r.stage}`) },
  ];
}

/**
 * The whole filtered list (every page) as .xlsx, in the user's scope. The audit row, with the
 * filters and the row count, is written before the file streams.
 */
export async function exportProjects(
  user: CurrentUser,
  params: URLSearchParams,
  meta: RequestMeta,
): Promise<Response> {
  const actor = { id: user.id, username: user.username, role: user.role };
  if (!can(user.role, "projects.export")) {
    await writeAudit(db, {
      actor,
      action: "access.denied",
      result: "DENIED",
      changes: { action: "exportProjects", code: "FORBIDDEN" },
      ...meta,
    });
    return new Response(null, { status: 404 });
  }
  const raw = Object.fromEntries(params);
  const [years, { district }] = await Promise.all([fiscalYearOptions(), resolveDistrict(user, raw.district)]);
  const departments = await departmentFilter(user, district, raw.dept);
  const filters = resolveListFilters(raw, {
    years,
    departmentIds: departments.options.map((d) => d.id),
    districtIds: district ? [district] : [],
  });
  const [rows, cols, t] = await Promise.all([
    countProjects(user, filters),
    columns(),
    getTranslations("projects.export"),
  ]);
  await writeAudit(db, {
    actor,
    action: "project.exported",
    entityType: "project",
    changes: {
      filters: {
        year: filters.year,
        q: filters.q,
        dept: filters.dept,
        district: filters.district,
        kind: filters.kind,
        stage: filters.stage,
      },
      rows,
    },
    ...meta,
  });
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  return excelResponse({
    filename: `${t("filename")}-${filters.year}-${today.replaceAll("-", "")}.xlsx`,
    sheetName: t("sheet"),
    columns: cols,
    rows: inBatches<ProjectExportRow, ExportCursor>(
      (after, size) => exportBatch(user, filters, after, size),
      (r) => ({ year: r.year, code: r.code }),
    ),
  });
}
