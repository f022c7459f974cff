import "server-only";
import { getTranslations } from "next-intl/server";
import { ratePercent } from "@/domain/money";
import { districtReader } from "@/features/districts/queries";
import { writeAudit } from "@/server/audit";
import { db } from "@/server/db";
import { excelResponse, inBatches, type ExcelColumn } from "@/server/excel";
import { can } from "@/server/permissions";
import type { RequestMeta } from "@/server/request-context";
import type { CurrentUser } from "@/server/session";
import { listRounds } from "./queries";
import { progressRatio } from "./rules";
import { warningListParamsSchema } from "./schemas";
import { warningExportBatch, type WarningExportRow } from "./warning-queries";

const AMOUNT = "#,##0.00";
// Excel cells hold binary floats; the stored decimals are converted only here, for display (万元).
const wan = (v: string) => Number(v) / 10000;

async function columns(): Promise<ExcelColumn<WarningExportRow>[]> {
  const t = await getTranslations("monitoring");
  return [
    { header: t("columns.code"), width: 16, value: (r) => r.code },
    { header: t("export.project"), width: 44, value: (r) => r.name },
    { header: t("columns.unit"), width: 24, value: (r) => r.unitName },
    { header: t("columns.department"), width: 20, value: (r) => r.departmentName },
    { header: t("columns.status"), width: 12, value: (r) => t(`status.${r.status}`) },
    { header: t("export.budget"), width: 16, numFmt: AMOUNT, value: (r) => wan(r.budget) },
    { header: t("export.executed"), width: 16, numFmt: AMOUNT, value: (r) => wan(r.executed) },
    {
      header: t("export.rate"),
      width: 12,
      numFmt: "0.00",
      value: (r) => {
        const v = ratePercent(r.executed, r.budget, 2);
        return v === null ? null : Number(v);
      },
    },
    {
      header: t("export.ratio"),
      width: 14,
      numFmt: "0.00",
      value: (r) => {
        const v = progressRatio(r.executed, r.budget, r.periodMonths);
        return v === null ? null : Number(v);
      },
    },
    { header: t("columns.colour"), width: 12, value: (r) => (r.colour ? t(`colour.${r.colour}`) : "") },
    { header: t("columns.flagged"), width: 12, value: (r) => r.flagged },
    {
      header: t("form.likelihood"),
      width: 14,
      value: (r) => (r.likelihood ? t(`likelihood.${r.likelihood}`) : ""),
    },
    { header: t("form.measures"), width: 40, value: (r) => r.measures },
    { header: t("columns.notices"), width: 12, value: (r) => r.openNotices },
  ];
}

/** The warning list of a round (every page, the same filters) as .xlsx; the export is audited. */
export async function exportWarnings(user: CurrentUser, params: URLSearchParams, meta: RequestMeta) {
  const actor = { id: user.id, username: user.username, role: user.role };
  const p = warningListParamsSchema.parse(Object.fromEntries(params));
  // A province-level user's 行政区划 narrows the export as it does the list.
  const { reader, district } = await districtReader(user, p.district);
  const rounds = can(user.role, "monitoring.warnings") ? await listRounds(reader) : [];
  const round = rounds.find((r) => r.id === p.round) ?? rounds[0];
  if (!round) {
    await writeAudit(db, {
      actor,
      action: "access.denied",
      result: "DENIED",
      changes: { action: "exportWarnings", code: "NOT_FOUND" },
      ...meta,
    });
    return new Response(null, { status: 404 });
  }
  const filters = { colour: p.colour, dept: p.dept, flagged: p.flagged === "1", district };
  const [cols, t] = await Promise.all([columns(), getTranslations("monitoring.export")]);
  await writeAudit(db, {
    actor,
    action: "monitoring.exported",
    entityType: "monitoring_round",
    entityId: round.id,
    changes: { filters },
    ...meta,
  });
  return excelResponse({
    filename: `${t("filename")}-${round.year}-${round.periodMonths}.xlsx`,
    sheetName: t("sheet"),
    columns: cols,
    rows: inBatches<WarningExportRow, string>(
      (after, size) => warningExportBatch(reader, round.id, filters, after, size),
      (r) => r.code,
    ),
  });
}
