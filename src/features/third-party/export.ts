import "server-only";
import { getTranslations } from "next-intl/server";
import { inUnit } from "@/domain/money";
import { writeAudit } from "@/server/audit";
import { db } from "@/server/db";
import { excelResponse, inBatches, type ExcelColumn } from "@/server/excel";
import { can } from "@/server/permissions";
import type { RequestMeta } from "@/server/request-context";
import type { CurrentUser } from "@/server/session";
import { districtReader } from "@/features/districts/queries";
import { engagementsAfter, filterOptions, type EngagementRow, type ListFilters } from "./queries";
import { listParamsSchema } from "./schemas";

const today = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()).replaceAll("-", "");

/** 导出: the filtered engagements (every page) as .xlsx, in the user's scope, audited before it streams. */
export async function exportEngagements(user: CurrentUser, params: URLSearchParams, meta: RequestMeta) {
  const actor = { id: user.id, username: user.username, role: user.role };
  if (!can(user.role, "thirdParty.export")) {
    await writeAudit(db, {
      actor,
      action: "access.denied",
      result: "DENIED",
      changes: { action: "exportEngagements", code: "FORBIDDEN" },
      ...meta,
    });
    return new Response(null, { status: 404 });
  }
  const p = listParamsSchema.parse(Object.fromEntries(params));
  // A province-level user's 行政区划 narrows the export as it does the list.
  const { reader, district } = await districtReader(user, p.district);
  const options = await filterOptions(reader);
  const filters: ListFilters = {
    year: p.year && options.years.includes(p.year) ? p.year : undefined,
    status: p.status && p.status !== "RECEIVED" && p.status !== "DEPT_APPROVED" ? p.status : undefined,
    agency: p.agency && options.agencies.some((a) => a.id === p.agency) ? p.agency : undefined,
    dept: p.dept && options.departments.some((d) => d.id === p.dept) ? p.dept : undefined,
    q: p.q || undefined,
    district,
    page: 1,
  };
  const [t, ts, tg] = await Promise.all([
    getTranslations("thirdParty"),
    getTranslations("thirdParty.status"),
    getTranslations("enums.grade"),
  ]);
  const columns: ExcelColumn<EngagementRow>[] = [
    { header: t("exportFile.year"), width: 8, value: (r) => r.year },
    { header: t("exportFile.code"), width: 16, value: (r) => r.projectCode ?? "" },
    {
      header: t("exportFile.subject"),
      width: 44,
      value: (r) => r.projectName ?? t("deptOverallName", { name: r.subjectName ?? "" }),
    },
    { header: t("exportFile.department"), width: 20, value: (r) => r.departmentName ?? "" },
    { header: t("exportFile.agency"), width: 30, value: (r) => r.agencyName },
    {
      header: t("exportFile.fee"),
      width: 14,
      numFmt: "#,##0.0000",
      value: (r) => Number(inUnit(r.fee, "wan", 4).replaceAll(",", "")),
    },
    { header: t("exportFile.deadline"), width: 12, value: (r) => r.deadline },
    { header: t("exportFile.status"), width: 12, value: (r) => ts(r.status) },
    {
      header: t("exportFile.total"),
      width: 10,
      numFmt: "0.00",
      value: (r) => (r.totalScore === null ? null : Number(r.totalScore)),
    },
    { header: t("exportFile.grade"), width: 8, value: (r) => (r.grade ? tg(r.grade) : null) },
    {
      header: t("exportFile.rating"),
      width: 10,
      numFmt: "0.00",
      value: (r) => (r.rating === null ? null : Number(r.rating)),
    },
  ];
  await writeAudit(db, {
    actor,
    action: "engagement.exported",
    entityType: "evaluation",
    changes: { filters: { ...filters, page: undefined } },
    ...meta,
  });
  return excelResponse({
    filename: `${t("exportFile.filename")}-${today()}.xlsx`,
    sheetName: t("exportFile.sheet"),
    columns,
    rows: inBatches<EngagementRow, string>(
      (after, size) => engagementsAfter(reader, filters, after, size),
      (r) => r.engagementId,
    ),
  });
}
