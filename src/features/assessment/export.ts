import "server-only";
import { getTranslations } from "next-intl/server";
import { ASSESSMENT_CRITERIA, type AssessmentCriterion } from "@/domain/assessment";
import { writeAudit } from "@/server/audit";
import { db } from "@/server/db";
import { excelResponse, type ExcelColumn } from "@/server/excel";
import { can } from "@/server/permissions";
import type { RequestMeta } from "@/server/request-context";
import type { CurrentUser } from "@/server/session";
import { assessmentYears, ownRowOnly, scorecards, type ScorecardRow } from "./queries";

type Row = ScorecardRow & { year: number };
const points = (n: number | null) => (n === null ? null : n / 100);

/** The year's ranking as .xlsx, in the user's department scope (a department: its own row); audited. */
export async function exportAssessment(
  user: CurrentUser,
  params: URLSearchParams,
  meta: RequestMeta,
): Promise<Response> {
  const actor = { id: user.id, username: user.username, role: user.role };
  const year = Number(params.get("year"));
  if (!can(user.role, "assessment.export") || !(await assessmentYears()).includes(year)) {
    await writeAudit(db, {
      actor,
      action: "access.denied",
      result: "DENIED",
      changes: { action: "exportAssessment", code: "NOT_FOUND" },
      ...meta,
    });
    return new Response(null, { status: 404 });
  }
  const [data, t] = await Promise.all([scorecards(user, year), getTranslations("assessment")]);
  if (!data) return new Response(null, { status: 404 });
  await writeAudit(db, {
    actor,
    action: "assessment.exported",
    changes: { year, rows: data.rows.length },
    ...meta,
  });
  const basis = (r: Row, c: AssessmentCriterion) => {
    const s = r.criteria.find((x) => x.criterion === c)!;
    if (s.points === null) return t("basis.none");
    if (c === "scoreGap")
      return t("basis.scoreGap", { of: r.counts.scoreGap.of, gap: r.counts.scoreGap.gap ?? "0.00" });
    return t(`basis.${c}`, r.counts[c]);
  };
  const columns: ExcelColumn<Row>[] = [
    { header: t("exportColumns.year"), width: 10, value: (r) => r.year },
    ...(ownRowOnly(user) ? [] : [{ header: t("exportColumns.rank"), width: 8, value: (r: Row) => r.rank }]),
    { header: t("exportColumns.department"), width: 24, value: (r) => r.name },
    { header: t("exportColumns.projects"), width: 10, value: (r) => r.projects },
    ...ASSESSMENT_CRITERIA.map((c): ExcelColumn<Row> => ({
      header: `${t("exportColumns.points", { criterion: t(`criteria.${c}`) })}（${t("weight", { weight: data.weights[c] })}）`,
      width: 16,
      numFmt: "0.00",
      value: (r) => points(r.criteria.find((x) => x.criterion === c)!.points),
    })),
    { header: t("exportColumns.total"), width: 10, numFmt: "0.00", value: (r) => points(r.total) },
    ...ASSESSMENT_CRITERIA.map((c): ExcelColumn<Row> => ({
      header: t("exportColumns.basis", { criterion: t(`criteria.${c}`) }),
      width: 28,
      value: (r) => basis(r, c),
    })),
  ];
  return excelResponse({
    filename: `${t("exportFile")}-${year}.xlsx`,
    sheetName: t("exportSheet"),
    columns,
    rows: (async function* () {
      for (const r of data.rows) yield { ...r, year };
    })(),
  });
}
