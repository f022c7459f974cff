import "server-only";
import { getTranslations } from "next-intl/server";
import { writeAudit } from "@/server/audit";
import { excelResponse, inBatches } from "@/server/excel";
import { can } from "@/server/permissions";
import type { RequestMeta } from "@/server/request-context";
import type { CurrentUser } from "@/server/session";
import { db } from "@/server/db";
import { districtReader } from "@/features/districts/queries";
import { exportBatch, type ItemExportRow } from "./queries";
import { itemListParamsSchema } from "./schemas";

/** The item list (every page, the same filters) as .xlsx; the export is audited. */
export async function exportItems(user: CurrentUser, params: URLSearchParams, meta: RequestMeta) {
  const actor = { id: user.id, username: user.username, role: user.role };
  if (!can(user.role, "rectification.export")) {
    await writeAudit(db, {
      actor,
      action: "access.denied",
      result: "DENIED",
      changes: { action: "exportRectification", code: "FORBIDDEN" },
      ...meta,
    });
    return new Response(null, { status: 404 });
  }
  const { page: _page, ...parsed } = itemListParamsSchema.parse(Object.fromEntries(params));
  void _page;
  // A province-level user's 行政区划 narrows the export as it does the list.
  const { reader, district } = await districtReader(user, parsed.district);
  const filters = { ...parsed, district };
  const t = await getTranslations("rectification");
  await writeAudit(db, { actor, action: "rectification.exported", changes: { filters }, ...meta });
  return excelResponse<ItemExportRow>({
    filename: `${t("exportFile")}.xlsx`,
    sheetName: t("exportSheet"),
    columns: [
      { header: t("col.problem"), width: 44, value: (r) => r.problem },
      { header: t("col.requirement"), width: 44, value: (r) => r.requirement },
      { header: t("detail.department"), width: 20, value: (r) => r.departmentName },
      { header: t("detail.unit"), width: 24, value: (r) => r.unitName ?? "" },
      {
        header: t("col.project"),
        width: 36,
        value: (r) => (r.projectCode ? `${r.projectCode} ${r.projectName}` : ""),
      },
      { header: t("col.source"), width: 16, value: (r) => t(`source.${r.sourceType}`) },
      { header: t("col.deadline"), width: 12, value: (r) => r.deadline },
      { header: t("col.status"), width: 10, value: (r) => t(`status.${r.status}`) },
      { header: t("col.overdue"), width: 10, value: (r) => (r.overdue ? t("yes") : t("no")) },
      { header: t("col.measures"), width: 44, value: (r) => r.measures },
      { header: t("col.closedAt"), width: 18, value: (r) => r.closedAt },
    ],
    rows: inBatches<ItemExportRow, string>(
      (after, size) => exportBatch(reader, filters, after, size),
      (r) => r.id,
    ),
  });
}
