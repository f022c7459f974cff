import type { Tx } from "../db";
import { evaluationRounds, evaluations, evaluationScores, evaluationTransitions } from "../schema";
import type { targetIndicators } from "../schema";
import {
  executionPoints,
  gradeOf,
  hundredthsToText,
  toHundredths,
  type Grade,
} from "../../domain/evaluation";
import { sumYuan, toFen } from "../../domain/money";
import { OPERATOR_SYMBOL } from "../../features/targets/levels";
import type { ProjectSeed } from "./projects-data";
import { DISTRICT } from "./organisations-data";
import { createRandom, seedId, type Random } from "./random";

// 单位自评 of budget year 2020, filed in work year 2021 (SPEC §10: 1,317 of 1,317). Every project is
// filed against its approved target sheet; most are received by finance, a few await it. Totals and
// grades are computed by the same functions the form uses.

type IndicatorRow = typeof targetIndicators.$inferInsert;
type EvaluationRow = typeof evaluations.$inferInsert;
type ScoreRow = typeof evaluationScores.$inferInsert;
type TransitionRow = typeof evaluationTransitions.$inferInsert;

export const selfEvaluationSeedId = (projectId: string) => seedId(`self:${projectId}`);
export const SELF_ROUND_2020 = { id: seedId("round:SELF:2020"), dueDate: "2021-04-30" };

// Units score themselves generously: mostly 优 and 良, a few 中, very few 差.
function aimedTotal(r: Random): number {
  const x = r.next();
  if (x < 0.56) return 9000 + r.int(0, 900);
  if (x < 0.89) return 8000 + r.int(0, 999);
  if (x < 0.985) return 6500 + r.int(0, 1499);
  return 5000 + r.int(0, 900);
}

/** Spread the points to lose over the indicators, never below zero, in hundredths. */
function spread(max: number[], lose: number, r: Random): number[] {
  const earned = [...max];
  let left = lose;
  for (let guard = 0; left > 0 && guard < 200; guard++) {
    const i = r.int(0, earned.length - 1);
    const take = Math.min(left, earned[i]!, Math.max(25, Math.round(max[i]! * (0.1 + r.next() * 0.3))));
    earned[i]! -= take;
    left -= take;
  }
  return earned;
}

export const targetText = (l: Pick<IndicatorRow, "operator" | "targetValue" | "unit">) =>
  `${l.operator === "QUALITATIVE" ? "" : OPERATOR_SYMBOL[l.operator]}${l.targetValue}${l.unit ?? ""}`;

function actualFor(ind: IndicatorRow, ratio: number): string {
  if (ind.operator === "QUALITATIVE")
    return ratio >= 0.95 ? "达到预期" : ratio >= 0.7 ? "基本达到" : "未达到";
  const target = Number(ind.targetValue);
  if (!Number.isFinite(target)) return String(ind.targetValue);
  const better = ind.operator === "LTE" ? target * (2 - ratio) : target * ratio;
  return target >= 10 ? String(Math.round(better)) : better.toFixed(1);
}

export function buildSelfEvaluationSeed(
  projects: ProjectSeed[],
  indicators: IndicatorRow[],
  sheetOf: (projectId: string) => string,
  people: { filerOf: (unitId: string) => string; approverOf: (departmentId: string) => string },
  financeAdminId: string,
) {
  const bySheet = new Map<string, IndicatorRow[]>();
  for (const i of indicators) bySheet.set(i.sheetId, [...(bySheet.get(i.sheetId) ?? []), i]);
  const r = createRandom(2021_0430);
  const rows: EvaluationRow[] = [];
  const scores: ScoreRow[] = [];
  const transitions: TransitionRow[] = [];
  const grades: Record<Grade, number> = { EXCELLENT: 0, GOOD: 0, PASS: 0, FAIL: 0 };
  for (const p of projects.filter((x) => x.year === 2020)) {
    const id = selfEvaluationSeedId(p.id);
    const lines = (bySheet.get(sheetOf(p.id)) ?? []).sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
    const budget = sumYuan(p.budgetCurrent, p.budgetCarryover, p.budgetOther);
    const executed = sumYuan(p.executedCurrent, p.executedCarryover, p.executedOther);
    const exec = executionPoints(toFen(budget), toFen(executed));
    const max = lines.map((l) => toHundredths(String(l.points)) ?? 0);
    const maxSum = max.reduce((a, b) => a + b, 0);
    const lose = Math.max(0, Math.min(maxSum, maxSum + exec - aimedTotal(r)));
    const earned = spread(max, lose, r);
    const total = exec + earned.reduce((a, b) => a + b, 0);
    const grade = gradeOf(total);
    grades[grade] += 1;
    const received = r.chance(0.97);
    const filer = people.filerOf(p.unitId);
    // Filed from 10 March; a few units file after the 30 April due date (the 督考 scorecard shows them).
    const submittedAt = new Date(Date.UTC(2021, 2, 10 + r.int(0, 54), 2 + r.int(0, 7)));
    const approvedAt = new Date(submittedAt.getTime() + r.int(1, 5) * 86_400_000);
    const receivedAt = new Date(approvedAt.getTime() + r.int(1, 6) * 86_400_000);
    rows.push({
      id,
      type: "SELF",
      year: 2020,
      projectId: p.id,
      status: received ? "RECEIVED" : "DEPT_APPROVED",
      budgetTotal: budget,
      executedTotal: executed,
      totalScore: hundredthsToText(total),
      grade,
      summary:
        grade === "EXCELLENT" || grade === "GOOD"
          ? "项目按计划实施，主要绩效目标基本实现，资金使用规范。"
          : "项目部分绩效目标未完成，主要原因是实施进度滞后、前期论证不充分。",
      improvement:
        grade === "EXCELLENT"
          ? "继续加强过程管理，做好绩效信息公开。"
          : "加快项目实施进度，细化绩效目标，加强资金和项目的过程监控。",
      filedBy: filer,
      submittedAt,
      completedAt: received ? receivedAt : null,
      createdAt: submittedAt,
      updatedAt: received ? receivedAt : approvedAt,
    });
    lines.forEach((l, k) => {
      const ratio = max[k] ? earned[k]! / max[k]! : 1;
      scores.push({
        id: seedId(`self:${p.id}:${k}`),
        evaluationId: id,
        targetIndicatorId: l.id!,
        level1: l.level1,
        level2: l.level2,
        name: l.name,
        targetText: targetText(l),
        maxPoints: hundredthsToText(max[k]!),
        actualValue: actualFor(l, ratio),
        points: hundredthsToText(earned[k]!),
        note: ratio < 1 ? "受实施进度影响未完全达到目标，下一年度加快推进。" : "",
        sortOrder: k,
      });
    });
    const moves: [EvaluationRow["status"] | null, EvaluationRow["status"], string, Date, string][] = [
      [null, "DRAFT", filer, submittedAt, ""],
      ["DRAFT", "SUBMITTED", filer, submittedAt, ""],
      ["SUBMITTED", "DEPT_APPROVED", people.approverOf(p.departmentId), approvedAt, "同意"],
    ];
    if (received) moves.push(["DEPT_APPROVED", "RECEIVED", financeAdminId, receivedAt, ""]);
    moves.forEach(([from, to, actor, at, comment], k) =>
      transitions.push({
        id: seedId(`self:${p.id}:move:${k}`),
        evaluationId: id,
        fromStatus: from,
        toStatus: to!,
        actorId: actor,
        comment,
        createdAt: at,
      }),
    );
  }
  return { rows, scores, transitions, grades };
}

async function insertInChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function insertSelfEvaluationSeed(
  tx: Tx,
  seedRows: ReturnType<typeof buildSelfEvaluationSeed>,
  financeAdminId: string,
) {
  await tx
    .insert(evaluationRounds)
    .values({
      id: SELF_ROUND_2020.id,
      type: "SELF",
      year: 2020,
      districtId: seedId(DISTRICT.key),
      dueDate: SELF_ROUND_2020.dueDate,
      openedBy: financeAdminId,
      openedAt: new Date("2021-03-01T01:00:00Z"),
    })
    .onConflictDoNothing();
  await insertInChunks(seedRows.rows, 500, (c) =>
    tx.insert(evaluations).values(c).onConflictDoNothing({ target: evaluations.id }),
  );
  await insertInChunks(seedRows.scores, 1000, (c) =>
    tx.insert(evaluationScores).values(c).onConflictDoNothing({ target: evaluationScores.id }),
  );
  await insertInChunks(seedRows.transitions, 1000, (c) =>
    tx.insert(evaluationTransitions).values(c).onConflictDoNothing({ target: evaluationTransitions.id }),
  );
}
