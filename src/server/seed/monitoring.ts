import { eq } from "drizzle-orm";
import { fenToYuanString, toFen } from "../../domain/money";
import type { DeviationReason, Likelihood, WarningColour } from "../../features/monitoring/constants";
import type { Direction, Operator } from "../../features/targets/levels";
import type { Tx } from "../db";
import {
  monitoringNotices,
  monitoringProgress,
  monitoringReports,
  monitoringReportTransitions,
  monitoringRounds,
  paymentImports,
  targetIndicators,
  targetSheets,
  treasuryPayments,
} from "../schema";
import type { ProjectSeed } from "./projects-data";
import { DISTRICT } from "./organisations-data";
import { createRandom, seedId, type Random } from "./random";
import { sheetSeedId } from "./targets";

// 事中监控 demo data: the 2020 round (1–7 月, due 2020-08-31) over every 2020 project. Most units
// filed; colours mostly green, some yellow, a few red; indicator progress for every filed report,
// the treasury payments behind the figures, and finance's notices, some answered and some open.

const MONTHS = 7;
const DUE = "2020-08-31";
export const ROUND_ID = seedId("monitoring:2020:1-7");
const IMPORT_ID = seedId("monitoring:2020:payments");

type Ids = {
  financeAdminId: string;
  filerUnitId: string;
  filerOf: Map<string, string>;
  approverOf: Map<string, string>;
};
type Indicator = {
  id: string;
  sheetId: string;
  operator: Operator;
  direction: Direction;
  targetValue: string;
};

const REASONS: DeviationReason[] = ["FUNDING", "SYSTEM", "STAFF", "HARDWARE", "OTHER"];
const MEASURES = [
  "加快项目实施进度，督促供应商按合同节点交付，按月报送支出进度。",
  "已完成政府采购程序，第三季度集中支付合同款项。",
  "调整实施计划，优化人员配置，确保年底前完成全部任务。",
  "协调相关部门解决场地和设备问题，预计9月底前恢复正常进度。",
];
const NOTE: Partial<Record<DeviationReason, string>> = { OTHER: "受疫情影响，部分现场工作延后开展。" };

/** Split an amount across the budget's funding sources in proportion, exactly (the rest to the first). */
function split(totalFen: bigint, p: ProjectSeed): [string, string, string] {
  const b = [toFen(p.budgetCurrent), toFen(p.budgetCarryover), toFen(p.budgetOther)];
  const sum = b[0]! + b[1]! + b[2]!;
  const carry = sum > 0n ? (totalFen * b[1]!) / sum : 0n;
  const other = sum > 0n ? (totalFen * b[2]!) / sum : 0n;
  return [fenToYuanString(totalFen - carry - other), fenToYuanString(carry), fenToYuanString(other)];
}

function progressFor(i: Indicator, lagging: boolean, r: Random): string {
  if (i.operator === "QUALITATIVE") return r.pick(["按计划推进", "已完成阶段性目标", "进展顺利"]);
  const target = Number(i.targetValue);
  if (!Number.isFinite(target)) return "";
  const prorated = (target * MONTHS) / 12;
  // A lagging report misses one indicator badly in its bad direction; the rest stay close.
  const factor = lagging
    ? i.direction === "LOWER_BETTER"
      ? 1.3 + r.next() * 0.3
      : 0.4 + r.next() * 0.3
    : i.direction === "LOWER_BETTER"
      ? 0.8 + r.next() * 0.35
      : 0.85 + r.next() * 0.35;
  const v = prorated * factor;
  return i.targetValue.includes(".") || v < 10 ? v.toFixed(1) : String(Math.round(v));
}

export async function seedMonitoring(tx: Tx, options: { projects: ProjectSeed[] } & Ids) {
  const all = options.projects.filter((p) => p.year === 2020).sort((a, b) => a.code.localeCompare(b.code));
  const indicatorRows = (await tx
    .select({
      id: targetIndicators.id,
      sheetId: targetIndicators.sheetId,
      operator: targetIndicators.operator,
      direction: targetIndicators.direction,
      targetValue: targetIndicators.targetValue,
    })
    .from(targetIndicators)
    .innerJoin(targetSheets, eq(targetSheets.id, targetIndicators.sheetId))
    .where(eq(targetSheets.year, 2020))
    .orderBy(targetIndicators.sheetId, targetIndicators.sortOrder)) as Indicator[];
  const bySheet = new Map<string, Indicator[]>();
  for (const i of indicatorRows) bySheet.set(i.sheetId, [...(bySheet.get(i.sheetId) ?? []), i]);

  const r = createRandom(2020_0731);
  const reports: (typeof monitoringReports.$inferInsert)[] = [];
  const progress: (typeof monitoringProgress.$inferInsert)[] = [];
  const transitions: (typeof monitoringReportTransitions.$inferInsert)[] = [];
  const payments: (typeof treasuryPayments.$inferInsert)[] = [];
  const notices: (typeof monitoringNotices.$inferInsert)[] = [];
  let paidTotal = 0n;
  const submittedAt = new Date("2020-08-20T02:00:00Z");

  for (const p of all) {
    const id = seedId(`monitoring:2020:1-7:${p.id}`);
    const filerId = options.filerOf.get(p.unitId) ?? null;
    const sheetId = sheetSeedId(p.id, 1);
    // The demo filer's unit leaves a few reports for the walk-through; elsewhere about 6% are late.
    const own = p.unitId === options.filerUnitId;
    const filed = own ? r.chance(0.5) : r.chance(0.94);
    const base = {
      id,
      roundId: ROUND_ID,
      projectId: p.id,
      departmentId: p.departmentId,
      targetSheetId: sheetId,
    };
    if (!filed) {
      reports.push({ ...base, status: "NOT_FILED" });
      continue;
    }
    const roll = r.next();
    const colour: WarningColour = roll < 0.08 ? "RED" : roll < 0.26 ? "YELLOW" : "GREEN";
    // Execution ÷ time elapsed, in percent, inside the colour's band.
    const ratio =
      colour === "RED" ? 20 + r.next() * 38 : colour === "YELLOW" ? 61 + r.next() * 18 : 81 + r.next() * 40;
    const budgetFen = toFen(p.budgetCurrent) + toFen(p.budgetCarryover) + toFen(p.budgetOther);
    const executedFen = (budgetFen * BigInt(Math.round(ratio * 100)) * BigInt(MONTHS)) / (12n * 10000n);
    const [current, carryover, other] = split(executedFen, p);
    // Most figures match the treasury's payments; a few units report more, with the reason.
    const differs = r.chance(0.04);
    const paidCurrent = differs ? fenToYuanString((toFen(current) * 9n) / 10n) : current;
    [
      [paidCurrent, "CURRENT"],
      [carryover, "CARRYOVER"],
      [other, "OTHER"],
    ].forEach(([amount, source], k) => {
      if (toFen(amount!) <= 0n) return;
      paidTotal += toFen(amount!);
      payments.push({
        id: seedId(`monitoring:2020:payment:${p.id}:${k}`),
        importId: IMPORT_ID,
        projectId: p.id,
        paidOn: `2020-0${r.int(1, MONTHS)}-${String(r.int(1, 28)).padStart(2, "0")}`,
        amount: amount!,
        source: source as "CURRENT" | "CARRYOVER" | "OTHER",
      });
    });
    const lagging = colour !== "GREEN" ? r.chance(0.5) : r.chance(0.05);
    const indicators = bySheet.get(sheetId) ?? [];
    const laggingAt = lagging ? indicators.findIndex((i) => i.operator !== "QUALITATIVE") : -1;
    indicators.forEach((i, k) =>
      progress.push({
        id: seedId(`monitoring:2020:progress:${i.id}`),
        reportId: id,
        indicatorId: i.id,
        value: progressFor(i, k === laggingAt, r),
      }),
    );
    const likelihood: Likelihood =
      colour === "GREEN" ? "CERTAIN" : colour === "YELLOW" || r.chance(0.7) ? "POSSIBLE" : "IMPOSSIBLE";
    const reasons =
      colour === "GREEN" && laggingAt < 0
        ? []
        : [r.pick(REASONS), ...(r.chance(0.3) ? [r.pick(REASONS)] : [])];
    const uniqueReasons = [...new Set(reasons)];
    const status = r.chance(0.85) ? "APPROVED" : r.chance(0.6) ? "DEPT_APPROVED" : "SUBMITTED";
    reports.push({
      ...base,
      status,
      executedCurrent: current,
      executedCarryover: carryover,
      executedOther: other,
      executedReason: differs ? "含已完成报账、尚未通过国库支付的款项。" : "",
      likelihood,
      deviationReasons: uniqueReasons,
      deviationNote: uniqueReasons.map((x) => NOTE[x] ?? "").join(""),
      measures: uniqueReasons.length ? r.pick(MEASURES) : "",
      submittedAt,
      updatedAt: submittedAt,
    });
    transitions.push({
      id: seedId(`monitoring:2020:t:${p.id}:submit`),
      reportId: id,
      fromStatus: "DRAFT",
      toStatus: "SUBMITTED",
      actorId: filerId,
      createdAt: submittedAt,
    });
    if (status !== "SUBMITTED")
      transitions.push({
        id: seedId(`monitoring:2020:t:${p.id}:dept`),
        reportId: id,
        fromStatus: "SUBMITTED",
        toStatus: "DEPT_APPROVED",
        actorId: options.approverOf.get(p.departmentId) ?? null,
        createdAt: new Date("2020-08-25T02:00:00Z"),
      });
    if (status === "APPROVED")
      transitions.push({
        id: seedId(`monitoring:2020:t:${p.id}:finance`),
        reportId: id,
        fromStatus: "DEPT_APPROVED",
        toStatus: "APPROVED",
        actorId: options.financeAdminId,
        comment: "同意",
        createdAt: new Date("2020-09-04T02:00:00Z"),
      });
    // Finance answers most red reports: a correction notice, or funds held back when the unit gives up.
    if (colour === "RED" && status === "APPROVED" && r.chance(0.7)) {
      const kind =
        likelihood === "IMPOSSIBLE" ? (r.chance(0.5) ? "STOP_FUNDING" : "SUSPEND_FUNDING") : "CORRECTION";
      const stage = r.next();
      const answered = stage < 0.75;
      const closed = stage < 0.5;
      notices.push({
        id: seedId(`monitoring:2020:notice:${p.id}`),
        reportId: id,
        projectId: p.id,
        kind,
        status: closed ? "CLOSED" : answered ? "ANSWERED" : "OPEN",
        content:
          kind === "CORRECTION"
            ? "预算执行进度明显滞后于时间进度，请分析原因，制定纠偏措施并加快执行。"
            : kind === "SUSPEND_FUNDING"
              ? "项目执行严重滞后，暂缓拨付剩余资金，待整改到位后恢复。"
              : "项目已无法实现年度绩效目标，停止拨付剩余资金，收回统筹使用。",
        dueDate: kind === "CORRECTION" ? "2020-09-30" : null,
        reply: answered ? "已召开专题会议，明确时间节点，9月份已支付合同进度款。" : "",
        repliedBy: answered ? filerId : null,
        repliedAt: answered ? new Date("2020-09-25T02:00:00Z") : null,
        closingNote: closed ? "整改措施可行，予以办结。" : "",
        closedBy: closed ? options.financeAdminId : null,
        closedAt: closed ? new Date("2020-10-10T02:00:00Z") : null,
        createdBy: options.financeAdminId,
        createdAt: new Date("2020-09-05T02:00:00Z"),
      });
    }
  }
  // The demo filer has a notice to answer: their first filed report gets an open correction notice.
  const demo = reports.find(
    (x) =>
      x.status === "APPROVED" &&
      all.some((p) => p.id === x.projectId && p.unitId === options.filerUnitId) &&
      !notices.some((n) => n.reportId === x.id),
  );
  if (demo) {
    notices.push({
      id: seedId(`monitoring:2020:notice:${demo.projectId}:demo`),
      reportId: demo.id!,
      projectId: demo.projectId,
      kind: "CORRECTION",
      content: "部分绩效指标完成进度偏慢，请说明原因并报送下一步工作安排。",
      dueDate: "2020-09-30",
      createdBy: options.financeAdminId,
      createdAt: new Date("2020-09-05T02:00:00Z"),
    });
  }

  await tx
    .insert(monitoringRounds)
    .values({
      id: ROUND_ID,
      year: 2020,
      districtId: seedId(DISTRICT.key),
      name: "2020年1–7月绩效运行监控",
      periodMonths: MONTHS,
      dueDate: DUE,
      scopeRule: "ALL",
      createdBy: options.financeAdminId,
      createdAt: new Date("2020-08-03T02:00:00Z"),
    })
    .onConflictDoNothing();
  await tx
    .insert(paymentImports)
    .values({
      id: IMPORT_ID,
      year: 2020,
      filename: "2020年1-7月国库集中支付明细.xlsx",
      rowCount: payments.length,
      total: fenToYuanString(paidTotal),
      importedBy: options.financeAdminId,
      createdAt: new Date("2020-08-03T01:00:00Z"),
    })
    .onConflictDoNothing();
  const chunks = async <T>(rows: T[], insert: (c: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
  };
  await chunks(payments, (c) => tx.insert(treasuryPayments).values(c).onConflictDoNothing());
  await chunks(reports, (c) => tx.insert(monitoringReports).values(c).onConflictDoNothing());
  await chunks(progress, (c) => tx.insert(monitoringProgress).values(c).onConflictDoNothing());
  await chunks(transitions, (c) => tx.insert(monitoringReportTransitions).values(c).onConflictDoNothing());
  await chunks(notices, (c) => tx.insert(monitoringNotices).values(c).onConflictDoNothing());
  return { reports: reports.length, notices: notices.length, payments: payments.length };
}
