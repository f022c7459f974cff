import type { Tx } from "../db";
import {
  evaluations,
  evaluationScores,
  evaluationTransitions,
  samplingBatches,
  samplingFeedback,
  samplingGroupMembers,
  samplingGroups,
  samplingSelections,
} from "../schema";
import { executionPoints, gradeOf, hundredthsToText, toHundredths } from "../../domain/evaluation";
import { sumYuan, toFen } from "../../domain/money";
import { balanceGroups, drawSample } from "../../features/sampling/rules";
import type { ProjectSeed } from "./projects-data";
import { DISTRICT } from "./organisations-data";
import { createRandom, seedId } from "./random";
import type { buildSelfEvaluationSeed } from "./self-evaluation";

// 集中抽评 of budget year 2020 in work year 2021 (SPEC §10: 124 projects in 4 groups, funds 8.40 亿元).
// The batch is the real draw (rules.drawSample) from these recorded inputs: every 2020 project with a
// filed self-evaluation, projects of 1.4 亿元 and more always in, the rest stratified by department and
// amount band from seed 20213006 (found offline as a seed that gives 8.40 亿元 with these rules). Each
// group scores and settles its projects a little below the units' own scores, and finance publishes
// feedback to every department with sampled projects; a few have acknowledged it.

type SelfSeed = ReturnType<typeof buildSelfEvaluationSeed>;
type EvaluationRow = typeof evaluations.$inferInsert;
type ScoreRow = typeof evaluationScores.$inferInsert;

export const SAMPLING_2020 = {
  id: seedId("sampling:batch:2020"),
  year: 2020,
  name: "2020年度项目支出绩效集中抽评",
  sampleSize: 124,
  seed: 20213006,
  minAmount: "140000000.00",
  includeLastYearFail: true,
  // Monitoring records no warnings in the demo data; the recorded batch says so.
  includeRedWarnings: false,
  groupCount: 4,
} as const;

const user = (key: string) => seedId(`user:${key}`);
// finance_reviewer sits in the first group, the demo expert in the second.
const GROUPS = [
  {
    lead: user("finance_reviewer"),
    members: [user("finance_reviewer"), user("reviewer:ys"), user("expert:1")],
  },
  { lead: user("reviewer:xz"), members: [user("reviewer:xz"), user("reviewer:jkw"), user("expert")] },
  { lead: user("reviewer:jj"), members: [user("reviewer:jj"), user("reviewer:ny"), user("expert:2")] },
  { lead: user("reviewer:sb"), members: [user("reviewer:sb"), user("expert:3"), user("expert:4")] },
];

const departmentCode = (code: string) => code.split("-")[1]!;
const budgetOf = (p: ProjectSeed) => toFen(sumYuan(p.budgetCurrent, p.budgetCarryover, p.budgetOther));

const DEDUCTION_NOTES = [
  "佐证材料不足以支撑自评结果，酌情扣分。",
  "指标完成值与佐证材料不一致，按核实数评分。",
  "绩效目标设置偏低，完成情况评价从严。",
  "满意度调查样本量不足，扣减相应分值。",
  "部分产出未按时完成，时效指标扣分。",
];

/** Draw the batch from the recorded inputs; throws if the data no longer gives the recorded batch. */
export function drawSamplingSeed(projects: ProjectSeed[], self: SelfSeed) {
  const filed = new Set(self.rows.filter((r) => r.status !== "DRAFT").map((r) => r.projectId));
  const candidates = projects
    .filter((p) => p.year === SAMPLING_2020.year && filed.has(p.id))
    .map((p) => ({
      projectId: p.id,
      code: p.code,
      departmentCode: departmentCode(p.code),
      budgetFen: budgetOf(p),
      // No 2019 projects in the demo data: no one can have been graded 差 last year.
      lastYearFail: false,
    }));
  const drawn = drawSample({
    candidates,
    sampleSize: SAMPLING_2020.sampleSize,
    seed: SAMPLING_2020.seed,
    minAmountFen: toFen(SAMPLING_2020.minAmount),
    includeLastYearFail: SAMPLING_2020.includeLastYearFail,
    includeRedWarnings: SAMPLING_2020.includeRedWarnings,
    redWarningIds: new Set(),
  });
  if (!drawn.ok) throw new Error(`the 2020 sampling draw was refused: ${drawn.error}`);
  const funds = new Map(candidates.map((c) => [c.projectId, c.budgetFen]));
  const split = balanceGroups(
    drawn.selections.map((s) => ({ projectId: s.projectId, fundsFen: funds.get(s.projectId)! })),
    SAMPLING_2020.groupCount,
  );
  return { drawn, split, population: candidates.length };
}

/**
 * The batch, its groups, the settled sampled evaluations and the published feedback. `awaitingDepartment`
 * is left unacknowledged (the demo department approver's, so they have it to do).
 */
export function buildSamplingSeed(
  projects: ProjectSeed[],
  self: SelfSeed,
  financeAdminId: string,
  awaitingDepartment: string,
) {
  const { drawn, split, population } = drawSamplingSeed(projects, self);
  const r = createRandom(2021_0601);
  const groupId = (i: number) => seedId(`sampling:2020:group:${i}`);
  const byProject = new Map(projects.map((p) => [p.id, p]));
  const selfByProject = new Map(self.rows.map((e) => [e.projectId!, e]));
  const selfLines = new Map<string, (typeof self.scores)[number][]>();
  for (const s of self.scores) selfLines.set(s.evaluationId, [...(selfLines.get(s.evaluationId) ?? []), s]);

  const startedAt = new Date("2021-05-20T01:30:00Z");
  const rows: EvaluationRow[] = [];
  const scores: ScoreRow[] = [];
  const transitions: (typeof evaluationTransitions.$inferInsert)[] = [];
  const departments = new Set<string>();
  for (const sel of drawn.selections) {
    const p = byProject.get(sel.projectId)!;
    departments.add(p.departmentId);
    const own = selfByProject.get(p.id)!;
    const id = seedId(`sampled:${p.id}`);
    const group = GROUPS[split.get(p.id)!]!;
    let sum = 0;
    (selfLines.get(own.id!) ?? []).forEach((l, k) => {
      const max = toHundredths(l.maxPoints) ?? 0;
      const unit = toHundredths(l.points ?? "0") ?? 0;
      let earned = unit;
      let note = "";
      // Reviewers take points off about a quarter of the lines; rarely they give back a little.
      if (r.chance(0.25) && unit > 0) {
        earned = Math.max(0, unit - Math.max(50, Math.round((max * (0.08 + r.next() * 0.27)) / 50) * 50));
        note = r.pick(DEDUCTION_NOTES);
      } else if (r.chance(0.04) && unit < max) {
        earned = max;
        note = "补充佐证材料后核实已完成，按满分计。";
      }
      sum += earned;
      scores.push({
        id: seedId(`sampled:${p.id}:${k}`),
        evaluationId: id,
        targetIndicatorId: l.targetIndicatorId,
        level1: l.level1,
        level2: l.level2,
        name: l.name,
        targetText: l.targetText,
        maxPoints: l.maxPoints,
        actualValue: l.actualValue,
        points: hundredthsToText(earned),
        note,
        sortOrder: k,
      });
    });
    const total = sum + executionPoints(toFen(own.budgetTotal), toFen(own.executedTotal));
    const grade = gradeOf(total);
    const settledAt = new Date(startedAt.getTime() + r.int(7, 35) * 86_400_000 + r.int(0, 8) * 3_600_000);
    rows.push({
      id,
      type: "SAMPLED",
      year: SAMPLING_2020.year,
      projectId: p.id,
      batchId: SAMPLING_2020.id,
      status: "SETTLED",
      budgetTotal: own.budgetTotal,
      executedTotal: own.executedTotal,
      totalScore: hundredthsToText(total),
      grade,
      summary:
        grade === "EXCELLENT" || grade === "GOOD"
          ? "经核查，项目绩效目标基本完成，自评结果总体客观，个别指标佐证不足已相应调整。"
          : "经核查，项目部分绩效目标未完成，自评存在偏高情况，已按核实情况调整评分。",
      version: 2,
      completedAt: settledAt,
      createdAt: startedAt,
      updatedAt: settledAt,
    });
    transitions.push(
      {
        id: seedId(`sampled:${p.id}:move:0`),
        evaluationId: id,
        toStatus: "SCORING",
        actorId: financeAdminId,
        createdAt: startedAt,
      },
      {
        id: seedId(`sampled:${p.id}:move:1`),
        evaluationId: id,
        fromStatus: "SCORING",
        toStatus: "SETTLED",
        actorId: group.lead,
        comment: "",
        createdAt: settledAt,
      },
    );
  }

  const batch: typeof samplingBatches.$inferInsert = {
    id: SAMPLING_2020.id,
    year: SAMPLING_2020.year,
    districtId: seedId(DISTRICT.key),
    name: SAMPLING_2020.name,
    // Every score settled and every department's feedback published: the 2021 work is done.
    status: "CLOSED",
    sampleSize: SAMPLING_2020.sampleSize,
    seed: SAMPLING_2020.seed,
    minAmount: SAMPLING_2020.minAmount,
    includeLastYearFail: SAMPLING_2020.includeLastYearFail,
    includeRedWarnings: SAMPLING_2020.includeRedWarnings,
    groupCount: SAMPLING_2020.groupCount,
    populationSize: population,
    createdBy: financeAdminId,
    version: 7,
    createdAt: new Date("2021-05-10T02:00:00Z"),
    startedAt,
  };
  const groups = GROUPS.map((g, i) => ({
    id: groupId(i),
    batchId: SAMPLING_2020.id,
    name: `G${i + 1}`,
    sortOrder: i,
    leadId: g.lead,
  }));
  const members = GROUPS.flatMap((g, i) => g.members.map((userId) => ({ groupId: groupId(i), userId })));
  const selections = drawn.selections.map((s, i) => ({
    batchId: SAMPLING_2020.id,
    projectId: s.projectId,
    groupId: groupId(split.get(s.projectId)!),
    reason: s.reason,
    stratum: s.stratum,
    sortOrder: i,
  }));
  const feedback = [...departments].sort().map((departmentId, i) => {
    const publishedAt = new Date(Date.UTC(2021, 6, 12 + (i % 5), 2));
    const acknowledged = i % 4 === 1 && departmentId !== awaitingDepartment;
    return {
      id: seedId(`sampling:2020:feedback:${departmentId}`),
      batchId: SAMPLING_2020.id,
      departmentId,
      status: "PUBLISHED" as const,
      problems:
        "一是部分项目绩效目标设置偏低，指标量化不足；二是自评佐证材料不够完整，个别指标完成值缺乏依据；三是自评得分总体偏高。",
      requirements:
        "请于 2021 年 9 月 30 日前完成整改：细化量化下一年度绩效目标，完善自评佐证材料归档，如实开展单位自评，并将整改情况书面报送区财政局。",
      version: acknowledged ? 3 : 2,
      publishedBy: financeAdminId,
      publishedAt,
      acknowledgedBy: null as string | null,
      acknowledgedAt: acknowledged ? new Date(publishedAt.getTime() + 5 * 86_400_000) : null,
      updatedAt: publishedAt,
    };
  });
  return { batch, groups, members, selections, rows, scores, transitions, feedback };
}

export async function insertSamplingSeed(
  tx: Tx,
  seedRows: ReturnType<typeof buildSamplingSeed>,
  approverOf: (departmentId: string) => string,
) {
  await tx.insert(samplingBatches).values(seedRows.batch).onConflictDoNothing();
  await tx.insert(samplingGroups).values(seedRows.groups).onConflictDoNothing();
  await tx.insert(samplingGroupMembers).values(seedRows.members).onConflictDoNothing();
  await tx.insert(samplingSelections).values(seedRows.selections).onConflictDoNothing();
  await tx.insert(evaluations).values(seedRows.rows).onConflictDoNothing({ target: evaluations.id });
  for (let i = 0; i < seedRows.scores.length; i += 1000) {
    await tx
      .insert(evaluationScores)
      .values(seedRows.scores.slice(i, i + 1000))
      .onConflictDoNothing({ target: evaluationScores.id });
  }
  await tx
    .insert(evaluationTransitions)
    .values(seedRows.transitions)
    .onConflictDoNothing({ target: evaluationTransitions.id });
  await tx
    .insert(samplingFeedback)
    .values(
      seedRows.feedback.map((f) => ({
        ...f,
        acknowledgedBy: f.acknowledgedAt ? approverOf(f.departmentId) : null,
      })),
    )
    .onConflictDoNothing();
}
