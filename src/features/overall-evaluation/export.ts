import "server-only";
import { getTranslations } from "next-intl/server";
import { districtReader } from "@/features/districts/queries";
import { writeAudit } from "@/server/audit";
import { db } from "@/server/db";
import { excelResponse, type ExcelColumn } from "@/server/excel";
import { can } from "@/server/permissions";
import type { RequestMeta } from "@/server/request-context";
import type { CurrentUser } from "@/server/session";
import type { OverallType } from "./flow";
import { overallExportRows, overallOptions, type OverallFilters, type OverallRow } from "./queries";
import { overallListParamsSchema } from "./schemas";

const PERMISSION = { DEPT_OVERALL: "deptOverall.read", TOWNSHIP_FISCAL: "townshipEvaluation.read" } as const;
const AUDIT = {
  DEPT_OVERALL: "deptOverall.exported",
  TOWNSHIP_FISCAL: "townshipEvaluation.exported",
} as const;
const NS = { DEPT_OVERALL: "dept", TOWNSHIP_FISCAL: "township" } as const;
const AMOUNT = "#,##0.00";
const today = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()).replaceAll("-", "");
const num = (v: string | null) => (v === null ? null : Number(v));

async function* once<T>(rows: T[]) {
  yield* rows;
}

/** 导出: the filtered list as .xlsx, in the user's scope, audited before it streams. */
export async function exportOverall(
  type: OverallType,
  user: CurrentUser,
  params: URLSearchParams,
  meta: RequestMeta,
) {
  const actor = { id: user.id, username: user.username, role: user.role };
  if (!can(user.role, PERMISSION[type])) {
    await writeAudit(db, {
      actor,
      action: "access.denied",
      result: "DENIED",
      changes: { action: `export${type}`, code: "FORBIDDEN" },
      ...meta,
    });
    return new Response(null, { status: 404 });
  }
  const p = overallListParamsSchema.parse(Object.fromEntries(params));
  // A province-level user's 行政区划 narrows the export as it does the list.
  const { reader, district } = await districtReader(user, p.district);
  const options = await overallOptions(reader, type);
  const filters: OverallFilters = {
    year: p.year && options.years.includes(p.year) ? p.year : undefined,
    status: p.status,
    org: p.org && options.orgs.some((o) => o.id === p.org) ? p.org : undefined,
    district,
    page: 1,
  };
  const [t, tg] = await Promise.all([
    getTranslations(`overallEvaluation.${NS[type]}`),
    getTranslations("enums.grade"),
  ]);
  const tc = await getTranslations("overallEvaluation.exportFile");
  const columns: ExcelColumn<OverallRow>[] = [
    { header: tc("org"), width: 22, value: (r) => r.orgName },
    { header: tc("year"), width: 8, value: (r) => r.year },
    { header: tc("status"), width: 16, value: (r) => t(`status.${r.status}`) },
    { header: tc("selfTotal"), width: 12, numFmt: "0.00", value: (r) => num(r.selfTotal) },
    { header: tc("total"), width: 12, numFmt: "0.00", value: (r) => num(r.total) },
    { header: tc("grade"), width: 8, value: (r) => (r.grade ? tg(r.grade) : null) },
  ];
  if (type === "DEPT_OVERALL")
    columns.push(
      { header: tc("budget"), width: 18, numFmt: AMOUNT, value: (r) => num(r.budget) },
      { header: tc("executed"), width: 18, numFmt: AMOUNT, value: (r) => num(r.executed) },
      { header: tc("agency"), width: 30, value: (r) => r.agencyName },
      { header: tc("opinions"), width: 12, value: (r) => r.opinions },
    );
  const rows = await overallExportRows(reader, type, filters);
  await writeAudit(db, {
    actor,
    action: AUDIT[type],
    entityType: "evaluation",
    changes: {
      filters: { year: filters.year, status: filters.status, org: filters.org, district: filters.district },
      rows: rows.length,
    },
    ...meta,
  });
  return excelResponse({
    filename: `${t("exportName")}-${filters.year ?? tc("allYears")}-${today()}.xlsx`,
    sheetName: t("exportName"),
    columns,
    rows: once(rows),
  });
}
