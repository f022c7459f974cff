import type { Tx } from "../db";
import {
  evaluationAssignees,
  evaluationFindings,
  evaluations,
  evaluationScores,
  evaluationTransitions,
} from "../schema";
import { gradeOf, hundredthsToText } from "../../domain/evaluation";
import { projectTemplateCode } from "../../domain/evaluation-templates";
import { inUnit, sumYuan, toFen } from "../../domain/money";
import { TEMPLATE_SEEDS } from "./evaluation-templates-data";
import { templateSeedId } from "./evaluation-templates";
import type { ProjectSeed } from "./projects-data";
import { createRandom, seedId } from "./random";

// 财政重点评价 of budget year 2020 in work year 2021 (SPEC §10: 6 projects, 2.12 亿元). The six 2020
// 政府投资项目 below, one from each of six departments and covering the 政府债务 and PPP templates,
// were found offline as a set whose 全年预算数 add up to 21,213.45 万元 (2.12 亿元) and none of which
// is in the 集中抽评 batch; the seed checks both and fails loudly if the project data ever drift.
// Each was scored by a team of finance reviewers, submitted by its lead and approved by finance (one
// after a return), with findings and 整改要求. A 2021 project is in scoring for the demo
// finance_reviewer, who leads it.

export const KEY_2020_CODES = [
  "2020-D01-0002",
  "2020-D02-0009",
  "2020-D05-0014",
  "2020-D06-0036",
  "2020-D14-0021",
  "2020-D24-0008",
] as const;
export const KEY_2021_CODE = "2021-D01";

export const keyEvaluationSeedId = (code: string) => seedId(`key-evaluation:${code}`);

const user = (key: string) => seedId(`user:${key}`);
// Lead first; the demo finance_reviewer leads two of the six.
const TEAMS = [
  [user("finance_reviewer"), user("reviewer:ys")],
  [user("reviewer:jkw"), user("reviewer:xz")],
  [user("reviewer:ny"), user("reviewer:jj")],
  [user("reviewer:jj"), user("finance_reviewer")],
  [user("reviewer:sb"), user("reviewer:ys")],
  [user("finance_reviewer"), user("reviewer:jkw")],
];

const FINDINGS: [problem: string, requirement: string][] = [
  [
    "绩效目标设定不够细化，部分产出指标未量化，难以衡量项目完成情况。",
    "下一年度申报时将产出指标细化为可量化的数量、质量和时效指标，报区财政局审核。",
  ],
  [
    "工程变更未按规定履行审批程序，变更后未及时调整预算。",
    "完善工程变更审批制度，补办变更审批手续，并据实调整项目预算。",
  ],
  [
    "资金支付进度滞后于工程进度，年末结转资金较多。",
    "按工程进度编制用款计划，加快资金拨付，结转资金纳入下年预算统筹。",
  ],
  [
    "项目竣工验收和财务决算未按期完成，固定资产未及时登记入账。",
    "限期完成竣工验收和决算审计，按规定办理资产交付和入账手续。",
  ],
  [
    "满意度调查样本偏少，未覆盖主要受益群体。",
    "扩大满意度调查范围，按受益对象分层抽样，并保存调查原始记录。",
  ],
  [
    "项目档案资料不完整，部分合同和验收资料缺失。",
    "建立项目全过程档案管理制度，补齐合同、验收等资料并归档备查。",
  ],
];

const NOTES = [
  "资料基本齐全，个别佐证不足，酌情扣分。",
  "与实际情况基本相符，存在细节问题，扣部分分值。",
  "未提供完整佐证材料，按核实情况评分。",
];

const budgetOf = (p: ProjectSeed) => sumYuan(p.budgetCurrent, p.budgetCarryover, p.budgetOther);
const executedOf = (p: ProjectSeed) => sumYuan(p.executedCurrent, p.executedCarryover, p.executedOther);
const at = (iso: string) => new Date(`${iso}T10:00:00+08:00`);

type EvaluationRow = typeof evaluations.$inferInsert;
type ScoreRow = typeof evaluationScores.$inferInsert;
type TransitionRow = typeof evaluationTransitions.$inferInsert;
type FindingRow = typeof evaluationFindings.$inferInsert;
type AssigneeRow = typeof evaluationAssignees.$inferInsert;

export function buildKeyEvaluationSeed(
  projects: ProjectSeed[],
  sampledProjectIds: ReadonlySet<string>,
  financeAdminId: string,
) {
  const byCode = new Map(projects.map((p) => [p.code, p]));
  const chosen = KEY_2020_CODES.map((c) => {
    const p = byCode.get(c);
    if (!p || p.kind !== "GOV_INVESTMENT") throw new Error(`key evaluation seed: no 政府投资项目 ${c}`);
    if (sampledProjectIds.has(p.id)) throw new Error(`key evaluation seed: ${c} is also sampled`);
    return p;
  });
  const funds = chosen.reduce((s, p) => s + toFen(budgetOf(p)), 0n);
  if (inUnit(funds, "yi", 2) !== "2.12")
    throw new Error(`key evaluation seed: funds ${inUnit(funds, "yi", 4)} 亿元`);

  const rows: EvaluationRow[] = [];
  const scores: ScoreRow[] = [];
  const transitions: TransitionRow[] = [];
  const findings: FindingRow[] = [];
  const assignees: AssigneeRow[] = [];
  const r = createRandom(20_210_906);

  chosen.forEach((p, k) => {
    const id = keyEvaluationSeedId(p.code);
    const code = projectTemplateCode(p.specialArea);
    const template = TEMPLATE_SEEDS.find((t) => t.code === code)!;
    // Teams score most lines close to full marks and deduct on a few, for totals in the 80s and 90s.
    let total = 0;
    template.lines.forEach(([level1, level2, name, max, guide], i) => {
      const maxH = Math.round(max * 100);
      const deduct = r.chance(k % 2 === 0 ? 0.25 : 0.45);
      const pointsH = deduct ? Math.round((maxH * r.int(60, 90)) / 100 / 50) * 50 : maxH;
      total += pointsH;
      scores.push({
        id: seedId(`key-evaluation:${p.code}:line:${i}`),
        evaluationId: id,
        level1,
        level2,
        name,
        targetText: guide,
        maxPoints: max.toFixed(2),
        points: hundredthsToText(pointsH),
        note: deduct ? r.pick(NOTES) : "",
        sortOrder: i,
      });
    });
    const grade = gradeOf(total);
    const [lead, member] = TEAMS[k]!;
    rows.push({
      id,
      type: "KEY",
      year: 2020,
      projectId: p.id,
      templateId: templateSeedId(2020, code),
      status: "SETTLED",
      budgetTotal: budgetOf(p),
      executedTotal: executedOf(p),
      totalScore: hundredthsToText(total),
      grade,
      summary: `经现场核查和资料审核，${p.name}总体完成了年度建设任务，资金管理基本规范，评价得分 ${hundredthsToText(total)} 分。存在的主要问题见问题清单，请项目单位按整改要求落实整改。`,
      dueDate: "2021-09-30",
      createdBy: financeAdminId,
      filedBy: lead,
      submittedAt: at("2021-08-20"),
      completedAt: at("2021-09-10"),
      createdAt: at("2021-06-01"),
      updatedAt: at("2021-09-10"),
    });
    assignees.push(
      { evaluationId: id, userId: lead!, lead: 1, assignedAt: at("2021-06-01") },
      { evaluationId: id, userId: member!, lead: 0, assignedAt: at("2021-06-01") },
    );
    const step = (
      n: number,
      from: TransitionRow["fromStatus"],
      to: TransitionRow["toStatus"],
      actorId: string,
      day: string,
      comment = "",
    ) =>
      transitions.push({
        id: seedId(`key-evaluation:${p.code}:step:${n}`),
        evaluationId: id,
        fromStatus: from,
        toStatus: to,
        actorId,
        comment,
        createdAt: at(day),
      });
    step(0, null, "SCORING", financeAdminId, "2021-06-01");
    if (k === 1) {
      // One evaluation went back once: finance asked for the deductions to be explained.
      step(1, "SCORING", "SUBMITTED", lead!, "2021-08-05");
      step(
        2,
        "SUBMITTED",
        "RETURNED",
        financeAdminId,
        "2021-08-10",
        "部分扣分项未写明扣分依据，请补充评分说明后重新提交。",
      );
      step(3, "RETURNED", "SUBMITTED", lead!, "2021-08-20");
    } else {
      step(1, "SCORING", "SUBMITTED", lead!, "2021-08-20");
    }
    step(
      9,
      "SUBMITTED",
      "SETTLED",
      financeAdminId,
      "2021-09-10",
      "评分依据充分，问题和整改要求明确，审核通过。",
    );
    [0, 1].forEach((j) => {
      const [problem, requirement] = FINDINGS[(k + j * 3) % FINDINGS.length]!;
      findings.push({
        id: seedId(`key-evaluation:${p.code}:finding:${j}`),
        evaluationId: id,
        problem,
        requirement,
        dueDate: j === 0 ? "2021-12-31" : "2022-03-31",
        sortOrder: j,
        createdBy: lead,
        createdAt: at("2021-08-15"),
      });
    });
  });

  // 2021: the demo finance_reviewer leads one in scoring (the first 2021 政府投资项目 of 区教育局).
  const current = projects
    .filter((p) => p.year === 2021 && p.kind === "GOV_INVESTMENT" && p.code.startsWith(KEY_2021_CODE))
    .sort((a, b) => a.code.localeCompare(b.code))[0];
  if (!current) throw new Error(`key evaluation seed: no 2021 政府投资项目 of ${KEY_2021_CODE}`);
  {
    const id = keyEvaluationSeedId(current.code);
    const code = projectTemplateCode(current.specialArea);
    const template = TEMPLATE_SEEDS.find((t) => t.code === code)!;
    rows.push({
      id,
      type: "KEY",
      year: 2021,
      projectId: current.id,
      templateId: templateSeedId(2021, code),
      status: "SCORING",
      budgetTotal: budgetOf(current),
      executedTotal: executedOf(current),
      dueDate: "2022-09-30",
      createdBy: financeAdminId,
      createdAt: at("2022-05-10"),
      updatedAt: at("2022-05-10"),
    });
    template.lines.forEach(([level1, level2, name, max, guide], i) =>
      scores.push({
        id: seedId(`key-evaluation:${current.code}:line:${i}`),
        evaluationId: id,
        level1,
        level2,
        name,
        targetText: guide,
        maxPoints: max.toFixed(2),
        sortOrder: i,
      }),
    );
    assignees.push(
      { evaluationId: id, userId: user("finance_reviewer"), lead: 1, assignedAt: at("2022-05-10") },
      { evaluationId: id, userId: user("reviewer:jkw"), lead: 0, assignedAt: at("2022-05-10") },
    );
    transitions.push({
      id: seedId(`key-evaluation:${current.code}:step:0`),
      evaluationId: id,
      fromStatus: null,
      toStatus: "SCORING",
      actorId: financeAdminId,
      createdAt: at("2022-05-10"),
    });
  }
  return { rows, scores, transitions, findings, assignees, funds };
}

export async function insertKeyEvaluationSeed(tx: Tx, seed: ReturnType<typeof buildKeyEvaluationSeed>) {
  await tx.insert(evaluations).values(seed.rows).onConflictDoNothing({ target: evaluations.id });
  await tx.insert(evaluationScores).values(seed.scores).onConflictDoNothing({ target: evaluationScores.id });
  await tx
    .insert(evaluationTransitions)
    .values(seed.transitions)
    .onConflictDoNothing({ target: evaluationTransitions.id });
  await tx
    .insert(evaluationFindings)
    .values(seed.findings)
    .onConflictDoNothing({ target: evaluationFindings.id });
  await tx.insert(evaluationAssignees).values(seed.assignees).onConflictDoNothing();
}
