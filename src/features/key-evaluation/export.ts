import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import { inUnit } from "@/domain/money";
import { writeAudit } from "@/server/audit";
import { db } from "@/server/db";
import { excelResponse, inBatches, type ExcelColumn } from "@/server/excel";
import { can } from "@/server/permissions";
import type { RequestMeta } from "@/server/request-context";
import { evaluations, organisations, projects } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { alias } from "drizzle-orm/pg-core";
import { districtReader } from "@/features/districts/queries";
import { keyFilterOptions, keyListConditions, keyRowColumns, type KeyListFilters } from "./queries";
import { keyListParamsSchema } from "./schemas";

const deptOrg = alias(organisations, "dept_org");
const unitOrg = alias(organisations, "unit_org");
const WAN = "#,##0.00";
const POINTS = "0.00";
const today = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()).replaceAll("-", "");

async function exportBatch(user: CurrentUser, f: KeyListFilters, after: string | null, size: number) {
  return db
    .select(keyRowColumns)
    .from(evaluations)
    .innerJoin(projects, eq(projects.id, evaluations.projectId))
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
    .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
    .where(and(keyListConditions(user, f), after ? gt(projects.code, after) : undefined))
    .orderBy(asc(projects.code))
    .limit(size);
}
type Row = Awaited<ReturnType<typeof exportBatch>>[number];

// Excel cells hold binary floats; the stored decimals are converted only here, for display (万元).
const wan = (v: string | null) => (v === null ? null : Number(inUnit(v, "wan", 2).replaceAll(",", "")));

/** 导出: the filtered list (every page) as .xlsx with amounts in 万元, audited before it streams. */
export async function exportKeyEvaluations(user: CurrentUser, params: URLSearchParams, meta: RequestMeta) {
  const actor = { id: user.id, username: user.username, role: user.role };
  if (!can(user.role, "keyEvaluation.export")) {
    await writeAudit(db, {
      actor,
      action: "access.denied",
      result: "DENIED",
      changes: { action: "exportKeyEvaluations", code: "FORBIDDEN" },
      ...meta,
    });
    return new Response(null, { status: 404 });
  }
  const p = keyListParamsSchema.parse(Object.fromEntries(params));
  // A province-level user's 行政区划 narrows the export as it does the list.
  const { reader, district } = await districtReader(user, p.district);
  const options = await keyFilterOptions(reader);
  const filters: KeyListFilters = {
    year: p.year && options.years.includes(p.year) ? p.year : 2020,
    status: p.status,
    dept: p.dept && options.departments.some((d) => d.id === p.dept) ? p.dept : undefined,
    q: p.q || undefined,
    district,
    page: 1,
  };
  const [t, ts, tg, ta] = await Promise.all([
    getTranslations("keyEvaluation.exportFile"),
    getTranslations("keyEvaluation.status"),
    getTranslations("enums.grade"),
    getTranslations("enums.specialArea"),
  ]);
  const columns: ExcelColumn<Row>[] = [
    { header: t("code"), width: 16, value: (r) => r.code },
    { header: t("name"), width: 44, value: (r) => r.name },
    { header: t("department"), width: 20, value: (r) => r.departmentName },
    { header: t("unit"), width: 24, value: (r) => r.unitName },
    { header: t("specialArea"), width: 14, value: (r) => ta(r.specialArea) },
    { header: t("budget"), width: 16, numFmt: WAN, value: (r) => wan(r.budgetTotal) },
    { header: t("executed"), width: 16, numFmt: WAN, value: (r) => wan(r.executedTotal) },
    { header: t("lead"), width: 12, value: (r) => r.leadName },
    { header: t("dueDate"), width: 12, value: (r) => r.dueDate },
    { header: t("status"), width: 10, value: (r) => ts(r.status) },
    {
      header: t("total"),
      width: 10,
      numFmt: POINTS,
      value: (r) => (r.totalScore === null ? null : Number(r.totalScore)),
    },
    { header: t("grade"), width: 8, value: (r) => (r.grade ? tg(r.grade) : null) },
  ];
  await writeAudit(db, {
    actor,
    action: "keyEvaluation.exported",
    entityType: "evaluation",
    changes: {
      filters: {
        year: filters.year,
        status: filters.status,
        dept: filters.dept,
        q: filters.q,
        district: filters.district,
      },
    },
    ...meta,
  });
  return excelResponse({
    filename: `${t("filename")}-${filters.year}-${today()}.xlsx`,
    sheetName: t("sheet"),
    columns,
    rows: inBatches<Row, string>(
      (after, size) => exportBatch(reader, filters, after, size),
      (r) => r.code,
    ),
  });
}
