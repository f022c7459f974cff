import "server-only";
import { eq, sql } from "drizzle-orm";
import { fenToYuanString, toFen } from "@/domain/money";
import { queryRows } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  fiscalYears,
  monitoringReports,
  monitoringRounds,
  organisations,
  projects,
  targetSheets,
} from "@/server/schema";
import { coveredBy, creatingDistrictId } from "@/server/scope";
import { periodEnd } from "./rules";
import type { OpenRoundInput } from "./schemas";
import type { ServiceContext } from "./service";

/**
 * 开启监控轮次: the round and one NOT_FILED report per project its rule picks, in one statement. A
 * district's round picks among the district's projects; a province-level administrator's (no
 * district) among every district's.
 */
export async function openRound(input: OpenRoundInput, { db, user }: ServiceContext) {
  const [year] = await db
    .select({ year: fiscalYears.year })
    .from(fiscalYears)
    .where(eq(fiscalYears.year, input.year));
  if (!year) throw new AppError("VALIDATION", "VALIDATION", { year: ["fiscalYearUnknown"] });
  // Units report after the period ends: a due date inside the period cannot be met.
  if (input.dueDate <= periodEnd(input.year, input.periodMonths))
    throw new AppError("VALIDATION", "VALIDATION", {
      dueDate: [
        {
          key: "errors.monitoring.dueInsidePeriod",
          values: { end: periodEnd(input.year, input.periodMonths) },
        },
      ],
    });
  const districtId = creatingDistrictId(user);
  const departmentIds = input.scopeRule === "DEPARTMENTS" ? [...new Set(input.departmentIds)] : [];
  if (departmentIds.length) {
    const found = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        sql`${organisations.id} in ${departmentIds} and ${organisations.kind} in ('DEPARTMENT', 'TOWNSHIP')
          and ${coveredBy(districtId, organisations.districtId)}`,
      );
    if (found.length !== departmentIds.length)
      throw new AppError("VALIDATION", "VALIDATION", { departmentIds: ["orgNotFound"] });
  }
  const minAmount = input.scopeRule === "MIN_AMOUNT" ? fenToYuanString(toFen(input.minAmount!)) : null;
  const [round] = await db
    .insert(monitoringRounds)
    .values({
      year: input.year,
      districtId,
      name: input.name,
      periodMonths: input.periodMonths,
      dueDate: input.dueDate,
      scopeRule: input.scopeRule,
      minAmount,
      departmentIds,
      createdBy: user.id,
    })
    .returning({ id: monitoringRounds.id });
  const rule =
    input.scopeRule === "MIN_AMOUNT"
      ? sql`and (p.budget_current + p.budget_carryover + p.budget_other) >= ${minAmount}::numeric`
      : input.scopeRule === "DEPARTMENTS"
        ? sql`and p.department_id in ${departmentIds}`
        : sql``;
  // Each report is filed against the project's latest approved target sheet, if it has one.
  const created = await queryRows<{ id: string }>(
    db,
    sql`insert into ${monitoringReports} (round_id, project_id, department_id, target_sheet_id)
        select ${round!.id}::uuid, p.id, p.department_id,
               (select s.id from ${targetSheets} s where s.project_id = p.id and s.status = 'APPROVED'
                order by s.version_no desc limit 1)
        from ${projects} p where p.year = ${input.year} ${rule}
          ${districtId ? sql`and p.district_id = ${districtId}` : sql``}
        returning id`,
  );
  if (created.length === 0)
    throw new AppError("VALIDATION", "VALIDATION", { scopeRule: ["monitoring.noProjects"] });
  return { id: round!.id, reports: created.length, minAmount, departmentIds };
}
