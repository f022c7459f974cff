import "server-only";
import { getTranslations } from "next-intl/server";
import { ratePercent, toFen } from "@/domain/money";
import { districtReader } from "@/features/districts/queries";
import { departmentFilter, fiscalYearOptions } from "@/features/projects/queries";
import { writeAudit } from "@/server/audit";
import { db } from "@/server/db";
import { excelResponse, inBatches, type ExcelColumn } from "@/server/excel";
import { can } from "@/server/permissions";
import type { RequestMeta } from "@/server/request-context";
import type { CurrentUser } from "@/server/session";
import { listYearBatch, type PreListRow } from "./queries";
import { DEFAULT_PRE_YEAR, preListParamsSchema } from "./schemas";

const AMOUNT = "#,##0.00";
const today = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()).replaceAll("-", "");

/** 导出: the year's pre-assessment list with the filters shown, every page, in the user's scope. */
export async function exportPreAssessments(user: CurrentUser, params: URLSearchParams, meta: RequestMeta) {
  const actor = { id: user.id, username: user.username, role: user.role };
  // Experts work from their groups only; the list is the departments' and finance's.
  if (!can(user.role, "preAssessment.read") || user.role === "EXPERT") {
    await writeAudit(db, {
      actor,
      action: "access.denied",
      result: "DENIED",
      changes: { action: "exportPreAssessments", code: "FORBIDDEN" },
      ...meta,
    });
    return new Response(null, { status: 404 });
  }
  const p = preListParamsSchema.parse(Object.fromEntries(params));
  // A province-level user's 行政区划 narrows the export as it does the list.
  const { reader, district } = await districtReader(user, p.district);
  const [years, departments] = await Promise.all([
    fiscalYearOptions(),
    departmentFilter(reader, undefined, p.dept),
  ]);
  const filters = {
    year: p.year && years.includes(p.year) ? p.year : DEFAULT_PRE_YEAR,
    dept: p.dept && departments.options.some((d) => d.id === p.dept) ? p.dept : undefined,
    status: p.status,
    district,
  };
  const t = await getTranslations("preAssessment");
  const yuan = (v: string | null) => (v === null ? null : Number(v));
  const columns: ExcelColumn<PreListRow>[] = [
    { header: t("export.code"), width: 16, value: (r) => r.code },
    { header: t("export.name"), width: 44, value: (r) => r.name },
    { header: t("export.department"), width: 20, value: (r) => r.departmentName },
    { header: t("export.unit"), width: 24, value: (r) => r.unitName },
    { header: t("export.status"), width: 14, value: (r) => t(`status.${r.status ?? "MISSING"}`) },
    {
      header: t("export.conclusion"),
      width: 16,
      value: (r) => (r.conclusion ? t(`conclusion.${r.conclusion}`) : null),
    },
    { header: t("export.requested"), width: 18, numFmt: AMOUNT, value: (r) => yuan(r.requestedAmount) },
    { header: t("export.recommended"), width: 18, numFmt: AMOUNT, value: (r) => yuan(r.recommendedAmount) },
    {
      header: t("export.cut"),
      width: 18,
      numFmt: AMOUNT,
      value: (r) =>
        r.recommendedAmount === null
          ? null
          : Number(toFen(r.requestedAmount) - toFen(r.recommendedAmount)) / 100,
    },
    {
      header: t("export.cutRate"),
      width: 10,
      numFmt: "0.00",
      value: (r) => {
        if (r.recommendedAmount === null) return null;
        const rate = ratePercent(toFen(r.requestedAmount) - toFen(r.recommendedAmount), r.requestedAmount, 2);
        return rate === null ? null : Number(rate);
      },
    },
  ];
  await writeAudit(db, {
    actor,
    action: "preAssessment.exported",
    entityType: "pre_assessment",
    changes: { filters },
    ...meta,
  });
  return excelResponse({
    filename: `${t("export.filename")}-${filters.year}-${today()}.xlsx`,
    sheetName: t("export.sheet"),
    columns,
    rows: inBatches<PreListRow, string>(
      (after, size) => listYearBatch(reader, filters, after, size),
      (r) => r.code,
    ),
  });
}
