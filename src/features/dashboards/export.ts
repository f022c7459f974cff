import "server-only";
import { getTranslations } from "next-intl/server";
import { ratePercent } from "@/domain/money";
import { districtReader } from "@/features/districts/queries";
import { writeAudit } from "@/server/audit";
import { db } from "@/server/db";
import { excelResponse, type ExcelColumn } from "@/server/excel";
import { can } from "@/server/permissions";
import type { RequestMeta } from "@/server/request-context";
import type { CurrentUser } from "@/server/session";
import { departmentPerformance, type DepartmentPerformance } from "./department-queries";
import { fiscalYearOptions } from "./queries";

type Row = DepartmentPerformance & { year: number };
// Excel cells hold binary floats; stored decimals become numbers only here, for the spreadsheet.
const n = (v: string | null) => (v === null ? null : Number(v));

async function columns(): Promise<ExcelColumn<Row>[]> {
  const t = await getTranslations("dashboard.deptPerf.columns");
  return [
    { header: t("year"), width: 8, value: (r) => r.year },
    { header: t("department"), width: 24, value: (r) => r.name },
    { header: t("projects"), width: 10, value: (r) => r.projects },
    // 万元 with four places keeps every fen of the stored amount.
    { header: t("budget"), width: 16, numFmt: "#,##0.0000", value: (r) => Number(r.budget) / 10_000 },
    { header: t("selfFiled"), width: 12, value: (r) => r.selfFiled },
    {
      header: t("coverageFull"),
      width: 14,
      numFmt: "0.00",
      value: (r) => n(ratePercent(BigInt(r.selfFiled), BigInt(r.projects), 2)),
    },
    { header: t("selfAverage"), width: 12, numFmt: "0.00", value: (r) => n(r.selfAverage) },
    { header: t("sampled"), width: 12, value: (r) => r.sampled },
    { header: t("sampledSelfAverage"), width: 18, numFmt: "0.00", value: (r) => n(r.sampledSelfAverage) },
    { header: t("sampledAverage"), width: 12, numFmt: "0.00", value: (r) => n(r.sampledAverage) },
    { header: t("gapFull"), width: 18, numFmt: "0.00", value: (r) => n(r.gap) },
    { header: t("redWarnings"), width: 14, value: (r) => r.red },
    { header: t("yellowWarnings"), width: 14, value: (r) => r.yellow },
    { header: t("overdueItems"), width: 16, value: (r) => r.overdue },
  ];
}

/** The department table of the finance dashboard as .xlsx, in the user's scope; audited first. */
export async function exportDepartmentPerformance(
  user: CurrentUser,
  params: URLSearchParams,
  meta: RequestMeta,
): Promise<Response> {
  const actor = { id: user.id, username: user.username, role: user.role };
  if (!can(user.role, "dashboard.export")) {
    await writeAudit(db, {
      actor,
      action: "access.denied",
      result: "DENIED",
      changes: { action: "exportDepartmentPerformance", code: "FORBIDDEN" },
      ...meta,
    });
    return new Response(null, { status: 404 });
  }
  const year = Number(params.get("year"));
  if (!(await fiscalYearOptions()).includes(year)) return new Response(null, { status: 404 });
  // A province-level user's 行政区划 (the dashboard's) narrows the table exported, as on the page.
  const { reader, district } = await districtReader(user, params.get("district") ?? undefined);
  const [rows, cols, t] = await Promise.all([
    departmentPerformance(reader, year),
    columns(),
    getTranslations("dashboard.deptPerf"),
  ]);
  await writeAudit(db, {
    actor,
    action: "dashboard.exported",
    entityType: "dashboard",
    changes: { table: "departments", year, district, rows: rows.length },
    ...meta,
  });
  return excelResponse({
    filename: `${t("filename")}-${year}.xlsx`,
    sheetName: t("sheet"),
    columns: cols,
    rows: (async function* () {
      for (const r of rows) yield { ...r, year };
    })(),
  });
}
