import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import ExcelJS from "exceljs";
import { getTranslations } from "next-intl/server";
import { ratePercent } from "@/domain/money";
import { writeAudit } from "@/server/audit";
import { db } from "@/server/db";
import { excelResponse, inBatches, type ExcelColumn } from "@/server/excel";
import { can } from "@/server/permissions";
import type { RequestMeta } from "@/server/request-context";
import { evaluations, organisations, projects } from "@/server/schema";
import { projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { districtReader } from "@/features/districts/queries";
import { editableEvaluations } from "./import-service";
import { selfFilterOptions, type EvaluationListFilters } from "./queries";
import { evaluationListParamsSchema } from "./schemas";

const deptOrg = alias(organisations, "dept_org");
const unitOrg = alias(organisations, "unit_org");
const AMOUNT = "#,##0.00";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const today = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()).replaceAll("-", "");

async function exportBatch(user: CurrentUser, f: EvaluationListFilters, after: string | null, size: number) {
  return db
    .select({
      code: projects.code,
      name: projects.name,
      departmentName: deptOrg.name,
      unitName: unitOrg.name,
      status: evaluations.status,
      budget: evaluations.budgetTotal,
      executed: evaluations.executedTotal,
      total: evaluations.totalScore,
      grade: evaluations.grade,
      submittedAt: evaluations.submittedAt,
    })
    .from(projects)
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentId))
    .innerJoin(unitOrg, eq(unitOrg.id, projects.unitId))
    .leftJoin(evaluations, and(eq(evaluations.projectId, projects.id), eq(evaluations.type, "SELF")))
    .where(
      and(
        projectScope(user),
        eq(projects.year, f.year),
        f.dept ? eq(projects.departmentId, f.dept) : undefined,
        f.q ? sql`${projects.name} ilike ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
        f.status === "NONE"
          ? sql`${evaluations.id} is null`
          : f.status
            ? eq(evaluations.status, f.status)
            : undefined,
        f.grade ? eq(evaluations.grade, f.grade) : undefined,
        after ? gt(projects.code, after) : undefined,
      ),
    )
    .orderBy(asc(projects.code))
    .limit(size);
}
type ExportRow = Awaited<ReturnType<typeof exportBatch>>[number];

/** 导出: the filtered list (every page) as .xlsx, in the user's scope, audited before it streams. */
export async function exportSelfEvaluations(user: CurrentUser, params: URLSearchParams, meta: RequestMeta) {
  const actor = { id: user.id, username: user.username, role: user.role };
  if (!can(user.role, "selfEvaluation.read")) {
    await writeAudit(db, {
      actor,
      action: "access.denied",
      result: "DENIED",
      changes: { action: "exportSelfEvaluations", code: "FORBIDDEN" },
      ...meta,
    });
    return new Response(null, { status: 404 });
  }
  const p = evaluationListParamsSchema.parse(Object.fromEntries(params));
  // A province-level user's 行政区划 narrows the export as it does the list.
  const { reader, district } = await districtReader(user, p.district);
  const options = await selfFilterOptions(reader);
  const year = p.year && options.years.includes(p.year) ? p.year : (options.rounds[0]?.year ?? 2020);
  const filters: EvaluationListFilters = {
    year,
    status: p.status,
    grade: p.grade,
    dept: p.dept && options.departments.some((d) => d.id === p.dept) ? p.dept : undefined,
    q: p.q || undefined,
    district,
    page: 1,
  };
  const [t, ts, tg] = await Promise.all([
    getTranslations("selfEvaluation.exportFile"),
    getTranslations("selfEvaluation.status"),
    getTranslations("enums.grade"),
  ]);
  const columns: ExcelColumn<ExportRow>[] = [
    { header: t("code"), width: 16, value: (r) => r.code },
    { header: t("name"), width: 44, value: (r) => r.name },
    { header: t("department"), width: 20, value: (r) => r.departmentName },
    { header: t("unit"), width: 24, value: (r) => r.unitName },
    { header: t("status"), width: 12, value: (r) => ts(r.status ?? "NONE") },
    {
      header: t("budget"),
      width: 18,
      numFmt: AMOUNT,
      value: (r) => (r.budget === null ? null : Number(r.budget)),
    },
    {
      header: t("executed"),
      width: 18,
      numFmt: AMOUNT,
      value: (r) => (r.executed === null ? null : Number(r.executed)),
    },
    {
      header: t("rate"),
      width: 12,
      numFmt: "0.00",
      value: (r) => {
        const rate = r.budget && r.executed ? ratePercent(r.executed, r.budget, 2) : null;
        return rate === null ? null : Number(rate);
      },
    },
    {
      header: t("total"),
      width: 10,
      numFmt: "0.00",
      value: (r) => (r.total === null ? null : Number(r.total)),
    },
    { header: t("grade"), width: 8, value: (r) => (r.grade ? tg(r.grade) : null) },
  ];
  await writeAudit(db, {
    actor,
    action: "selfEvaluation.exported",
    entityType: "evaluation",
    changes: {
      filters: {
        year,
        status: filters.status,
        grade: filters.grade,
        dept: filters.dept,
        q: filters.q,
        district: filters.district,
      },
    },
    ...meta,
  });
  return excelResponse({
    filename: `${t("filename")}-${year}-${today()}.xlsx`,
    sheetName: t("sheet"),
    columns,
    rows: inBatches<ExportRow, string>(
      (after, size) => exportBatch(reader, filters, after, size),
      (r) => r.code,
    ),
  });
}

type Label = (key: string) => string;

/**
 * 自评模板: the unit's open self-evaluations of a year, one row per indicator (sheet 1) and one row per
 * project for 全年预算数 and 执行数 (sheet 2). The import reads the sheets by position.
 */
export async function templateWorkbook(user: CurrentUser, year: number, t: Label, tl: Label) {
  const rows = await editableEvaluations(db, user, year);
  const workbook = new ExcelJS.Workbook();
  const scores = workbook.addWorksheet(t("scoreSheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  scores.columns = [
    { header: t("code"), width: 16 },
    { header: t("name"), width: 36 },
    { header: t("seq"), width: 6 },
    { header: t("level1"), width: 12 },
    { header: t("level2"), width: 16 },
    { header: t("indicator"), width: 30 },
    { header: t("target"), width: 16 },
    { header: t("maxPoints"), width: 8 },
    { header: t("actual"), width: 16 },
    { header: t("points"), width: 8 },
    { header: t("note"), width: 40 },
  ];
  for (const r of rows)
    r.lines.forEach((l, i) =>
      scores.addRow([
        r.code,
        r.name,
        i + 1,
        tl(`level1.${l.level1}`),
        tl(`level2.${l.level2}`),
        l.name,
        l.targetText,
        Number(l.maxPoints),
        l.actualValue,
        l.points === null ? null : Number(l.points),
        l.note,
      ]),
    );
  const budget = workbook.addWorksheet(t("budgetSheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  budget.columns = [
    { header: t("code"), width: 16 },
    { header: t("name"), width: 36 },
    { header: t("budget"), width: 18, style: { numFmt: AMOUNT } },
    { header: t("executed"), width: 18, style: { numFmt: AMOUNT } },
  ];
  for (const r of rows)
    budget.addRow([
      r.code,
      r.name,
      r.budgetTotal === null ? null : Number(r.budgetTotal),
      r.executedTotal === null ? null : Number(r.executedTotal),
    ]);
  for (const sheet of [scores, budget]) {
    // The header row reads as a header: bold on a light shade.
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1F5F9" } };
  }
  return workbook;
}

/** The template as a download, in the user's language. */
export async function selfTemplate(user: CurrentUser, params: URLSearchParams) {
  if (!can(user.role, "selfEvaluation.fill")) return new Response(null, { status: 404 });
  const year = Number(params.get("year"));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return new Response(null, { status: 404 });
  const [t, tl] = await Promise.all([getTranslations("selfEvaluation.template"), getTranslations("targets")]);
  const workbook = await templateWorkbook(user, year, t as Label, tl as Label);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Response(buffer as ArrayBuffer, {
    headers: {
      "Content-Type": XLSX,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`${t("filename")}-${year}-${today()}.xlsx`)}`,
      "Cache-Control": "no-store",
    },
  });
}
