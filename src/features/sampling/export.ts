import "server-only";
import { getTranslations } from "next-intl/server";
import { toHundredths } from "@/domain/evaluation";
import { writeAudit } from "@/server/audit";
import { db } from "@/server/db";
import { excelResponse, type ExcelColumn } from "@/server/excel";
import { can } from "@/server/permissions";
import type { RequestMeta } from "@/server/request-context";
import type { CurrentUser } from "@/server/session";
import { batchSelections, getBatch, type SelectionRow } from "./queries";
import { scoreGap } from "./rules";

const AMOUNT = "#,##0.00";
const POINTS = "0.00";
// Excel cells hold binary floats; the stored decimals are converted only here, for display.
const num = (v: string | null) => (v === null ? null : Number(v));

async function columns(): Promise<ExcelColumn<SelectionRow>[]> {
  const t = await getTranslations("sampling");
  return [
    { header: t("col.code"), width: 16, value: (r) => r.code },
    { header: t("col.project"), width: 40, value: (r) => r.name },
    { header: t("col.unit"), width: 24, value: (r) => r.unitName },
    { header: t("col.department"), width: 20, value: (r) => r.departmentName },
    { header: t("col.budgetYuan"), width: 18, numFmt: AMOUNT, value: (r) => num(r.budget) },
    { header: t("col.reason"), width: 16, value: (r) => t(`reason.${r.reason}`) },
    { header: t("col.stratum"), width: 12, value: (r) => r.stratum },
    {
      header: t("col.group"),
      width: 10,
      value: (r) => (r.groupOrder === null ? "" : t("groupName", { n: r.groupOrder + 1 })),
    },
    { header: t("col.selfScore"), width: 12, numFmt: POINTS, value: (r) => num(r.selfTotal) },
    { header: t("col.sampledScore"), width: 12, numFmt: POINTS, value: (r) => num(r.sampledTotal) },
    {
      header: t("col.gap"),
      width: 10,
      numFmt: POINTS,
      value: (r) => {
        const gap = scoreGap(toHundredths(r.selfTotal), toHundredths(r.sampledTotal));
        return gap === null ? null : gap / 100;
      },
    },
    { header: t("col.grade"), width: 8, value: (r) => (r.sampledGrade ? t(`grade.${r.sampledGrade}`) : "") },
    {
      header: t("col.status"),
      width: 10,
      value: (r) => (r.status ? t(`status.${r.status}`) : t("status.DRAFT")),
    },
  ];
}

/** A batch's selected projects as .xlsx, for finance; the audit row is written before the file streams. */
export async function exportBatchSelections(user: CurrentUser, batchId: string, meta: RequestMeta) {
  const actor = { id: user.id, username: user.username, role: user.role };
  const detail = can(user.role, "sampling.export") ? await getBatch(user, batchId) : null;
  if (!detail) {
    await writeAudit(db, {
      actor,
      action: "access.denied",
      result: "DENIED",
      changes: { action: "exportSamplingBatch", code: "NOT_FOUND" },
      ...meta,
    });
    return new Response(null, { status: 404 });
  }
  const [rows, cols, t] = await Promise.all([
    batchSelections(user, batchId),
    columns(),
    getTranslations("sampling"),
  ]);
  await writeAudit(db, {
    actor,
    action: "samplingBatch.exported",
    entityType: "sampling_batch",
    entityId: batchId,
    changes: { rows: rows.length },
    ...meta,
  });
  return excelResponse({
    filename: `${t("exportFilename")}-${detail.batch.year}-${detail.batch.name}.xlsx`,
    sheetName: t("exportSheet"),
    columns: cols,
    rows: (async function* () {
      yield* rows;
    })(),
  });
}
