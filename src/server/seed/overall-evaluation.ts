import { sql } from "drizzle-orm";
import type { Tx } from "../db";
import {
  evaluationFindings,
  evaluationOpinions,
  evaluations,
  evaluationScores,
  evaluationTransitions,
} from "../schema";
import {
  executionPoints,
  gradeOf,
  hundredthsToText,
  totalScore,
  type EvaluationStatus,
} from "../../domain/evaluation";
import { toFen } from "../../domain/money";
import { TEMPLATE_SEEDS } from "./evaluation-templates-data";
import { templateSeedId } from "./evaluation-templates";
import { seedId } from "./random";

// 部门整体绩效评价 of 区科技局 and 区金融办 and the 下管镇 township pilot (SPEC §10): the 2020 ones done
// in work year 2021, settled with the subject's own points beside the evaluator's, findings and (for
// the departments) a 人大 审议意见; plus the 2021 ones the demo accounts have to fill. The agencies'
// engagements on the department-wide ones are seeded by the third-party module, against these ids.

export const deptOverallSeedId = (year: number, deptCode: string) =>
  seedId(`dept-overall:${year}:${deptCode}`);
export const townshipFiscalSeedId = (year: number, township: string) =>
  seedId(`township-fiscal:${year}:${township}`);

export type OverallSeedPeople = {
  financeAdmin: string;
  leader: string;
  department: (code: string) => string;
  township: (name: string) => string;
  approverOf: (departmentId: string) => string;
  townshipFiler: string;
};

const linesOf = (code: "DEPT_OVERALL" | "TOWNSHIP_FISCAL") =>
  TEMPLATE_SEEDS.find((t) => t.code === code)!.lines;

/** Points earned per line: the maximum less the deductions (points), never below zero. */
const earned = (max: number[], less: number[]) =>
  max.map((m, i) => Math.max(0, Math.round(m * 100) - Math.round((less[i] ?? 0) * 100)));

type Finding = { problem: string; requirement: string; due: string };
type SettledSeed = {
  id: string;
  type: "DEPT_OVERALL" | "TOWNSHIP_FISCAL";
  orgId: string;
  selfLess: number[];
  finalLess: number[];
  selfReport: (total: string) => string;
  improvement: string;
  summary: (total: string, grade: string) => string;
  findings: Finding[];
  steps: { to: EvaluationStatus; at: string; actor: string | null; comment?: string }[];
  opinion?: { body: string; at: string; author: string };
  dueDate: string;
};

const FINAL_NOTE = {
  DEPT_OVERALL: "实地核查发现不足，酌情扣分",
  TOWNSHIP_FISCAL: "财政审核发现不足，酌情扣分",
} as const;
const GRADE_ZH = { EXCELLENT: "优秀", GOOD: "良好", PASS: "中", FAIL: "差" } as const;

async function execution(tx: Tx, departmentId: string, year: number) {
  const result = await tx.execute(sql`
    select coalesce(sum(budget_current + budget_carryover + budget_other), 0)::numeric(18,2)::text as budget,
           coalesce(sum(executed_current + executed_carryover + executed_other), 0)::numeric(18,2)::text as executed
    from projects where department_id = ${departmentId} and year = ${year}`);
  const [row] = (result as unknown as { rows: { budget: string; executed: string }[] }).rows;
  return { budget: row?.budget ?? "0.00", executed: row?.executed ?? "0.00" };
}

async function insertSettled(tx: Tx, s: SettledSeed, createdBy: string) {
  const lines = linesOf(s.type);
  const max = lines.map((l) => l[3]);
  const exec = s.type === "DEPT_OVERALL" ? await execution(tx, s.orgId, 2020) : null;
  const self = earned(max, s.selfLess);
  const final = earned(max, s.finalLess);
  // 预算执行率 is scored from the department's own figures, the same on both sides.
  const execLine = lines.findIndex((l) => l[2] === "预算执行率");
  if (exec && execLine >= 0) {
    const p = executionPoints(toFen(exec.budget), toFen(exec.executed), max[execLine]!);
    self[execLine] = p;
    final[execLine] = p;
  }
  const asLines = (pts: number[]) =>
    pts.map((p, i) => ({ points: hundredthsToText(p), maxPoints: max[i]!.toFixed(2) }));
  const selfTotal = totalScore(asLines(self), 0);
  const finalTotal = totalScore(asLines(final), 0);
  const grade = gradeOf(finalTotal);
  const last = s.steps[s.steps.length - 1]!;
  const submitted = s.steps.find((x) => x.to === "RECEIVED" || x.to === "SUBMITTED")!;
  await tx
    .insert(evaluations)
    .values({
      id: s.id,
      type: s.type,
      year: 2020,
      subjectOrgId: s.orgId,
      templateId: templateSeedId(2020, s.type),
      status: "SETTLED",
      budgetTotal: exec?.budget ?? null,
      executedTotal: exec?.executed ?? null,
      selfTotalScore: hundredthsToText(selfTotal),
      totalScore: hundredthsToText(finalTotal),
      grade,
      selfReport: s.selfReport(hundredthsToText(selfTotal)),
      improvement: s.improvement,
      summary: s.summary(hundredthsToText(finalTotal), GRADE_ZH[grade]),
      filedBy: submitted.actor,
      dueDate: s.dueDate,
      createdBy,
      version: s.steps.length,
      submittedAt: new Date(submitted.at),
      completedAt: new Date(last.at),
      createdAt: new Date(s.steps[0]!.at),
      updatedAt: new Date(last.at),
    })
    .onConflictDoNothing({ target: evaluations.id });
  await tx
    .insert(evaluationScores)
    .values(
      lines.map(([level1, level2, name, maxPoints, guide], i) => ({
        id: seedId(`${s.id}:line:${i}`),
        evaluationId: s.id,
        level1,
        level2,
        name,
        targetText: guide,
        maxPoints: maxPoints.toFixed(2),
        selfPoints: hundredthsToText(self[i]!),
        selfNote: self[i]! < max[i]! * 100 ? "对照评分标准存在差距，已在自评报告中说明" : "",
        points: hundredthsToText(final[i]!),
        note: final[i]! < self[i]! ? FINAL_NOTE[s.type] : "",
        sortOrder: i,
      })),
    )
    .onConflictDoNothing({ target: evaluationScores.id });
  await insertSteps(tx, s.id, s.steps);
  await tx
    .insert(evaluationFindings)
    .values(
      s.findings.map((f, i) => ({
        id: seedId(`${s.id}:finding:${i}`),
        evaluationId: s.id,
        problem: f.problem,
        requirement: f.requirement,
        dueDate: f.due,
        sortOrder: i,
        createdBy: last.actor,
        createdAt: new Date(last.at),
      })),
    )
    .onConflictDoNothing({ target: evaluationFindings.id });
  if (s.opinion)
    await tx
      .insert(evaluationOpinions)
      .values({
        id: seedId(`${s.id}:opinion:0`),
        evaluationId: s.id,
        authorId: s.opinion.author,
        body: s.opinion.body,
        createdAt: new Date(s.opinion.at),
      })
      .onConflictDoNothing({ target: evaluationOpinions.id });
  return { selfTotal, finalTotal, grade };
}

async function insertSteps(tx: Tx, evaluationId: string, steps: SettledSeed["steps"]) {
  await tx
    .insert(evaluationTransitions)
    .values(
      steps.map((st, i) => ({
        id: seedId(`${evaluationId}:step:${i}`),
        evaluationId,
        fromStatus: i === 0 ? null : steps[i - 1]!.to,
        toStatus: st.to,
        actorId: st.actor,
        comment: st.comment ?? "",
        createdAt: new Date(st.at),
      })),
    )
    .onConflictDoNothing({ target: evaluationTransitions.id });
}

async function insertDraft(
  tx: Tx,
  d: { id: string; type: "DEPT_OVERALL" | "TOWNSHIP_FISCAL"; orgId: string; year: number; dueDate: string },
  createdBy: string,
  at: string,
) {
  const lines = linesOf(d.type);
  const exec = d.type === "DEPT_OVERALL" ? await execution(tx, d.orgId, d.year) : null;
  await tx
    .insert(evaluations)
    .values({
      id: d.id,
      type: d.type,
      year: d.year,
      subjectOrgId: d.orgId,
      templateId: templateSeedId(d.year, d.type),
      status: "DRAFT",
      budgetTotal: exec?.budget ?? null,
      executedTotal: exec?.executed ?? null,
      dueDate: d.dueDate,
      createdBy,
      createdAt: new Date(at),
      updatedAt: new Date(at),
    })
    .onConflictDoNothing({ target: evaluations.id });
  await tx
    .insert(evaluationScores)
    .values(
      lines.map(([level1, level2, name, maxPoints, guide], i) => ({
        id: seedId(`${d.id}:line:${i}`),
        evaluationId: d.id,
        level1,
        level2,
        name,
        targetText: guide,
        maxPoints: maxPoints.toFixed(2),
        sortOrder: i,
      })),
    )
    .onConflictDoNothing({ target: evaluationScores.id });
  await insertSteps(tx, d.id, [{ to: "DRAFT", at, actor: createdBy }]);
}

/** The department-wide and township evaluations of the demo (run after the templates and projects). */
export async function insertOverallEvaluationSeed(tx: Tx, p: OverallSeedPeople) {
  const d03 = p.department("D03");
  const d04 = p.department("D04");
  const xiaguan = p.township("下管镇");
  const agencyStep = (at: string, to: EvaluationStatus, comment: string) => ({
    to,
    at,
    actor: null,
    comment,
  });

  await insertSettled(
    tx,
    {
      id: deptOverallSeedId(2020, "D03"),
      type: "DEPT_OVERALL",
      orgId: d03,
      dueDate: "2021-04-30",
      //        公用 三公 人均 编制 执行 结转 资产 绩效 重点 目标 质量 经济 社会 内控 人才 公众 对象
      selfLess: [0, 0, 0.5, 0.5, 0, 0.5, 0, 0.5, 1, 0.8, 0, 0.5, 0.5, 0, 0.5, 0.3, 0],
      finalLess: [0.5, 0, 1, 1, 0, 1, 0.5, 1, 2, 1.5, 0.5, 1, 1, 0.5, 1, 0.5, 0.3],
      selfReport: (total) =>
        `区科技局按照区人大部门整体绩效评价试点要求，根据部门承担的科技创新服务、科技项目管理和知识产权促进等职责设置整体绩效目标，定性、定量细化形成部门评价指标体系，将预算执行情况报告和绩效自评合一开展整体自评。2020 年度重点工作任务基本完成：新认定国家高新技术企业、省级科技型中小企业数量超过年度目标，科技创新券兑付及时，产学研合作项目按计划推进。存在的不足：部分科技专项资金下达偏晚，年末结转偏多；个别绩效指标量化不足。自评得分 ${total} 分。`,
      improvement:
        "2020 年度部门全年预算按项目汇总执行，执行率见上表。未执行部分主要为科技项目后补助资金按验收进度拨付、跨年度研发项目资金结转。下一步将按项目验收节点提前做好资金测算，压减年末结转。",
      summary: (total, grade) =>
        `受区财政局委托，评价机构对区科技局 2020 年度部门整体支出开展实地评价，核查了预算执行、资产管理、重点工作台账和服务对象满意度问卷。评价认为：部门职责履行较好，科技创新政策兑现及时，整体绩效目标基本实现；预算编制准确性和结转结余控制有待加强。综合评分 ${total} 分，评价等级为“${grade}”。评价报告提请区人大常委会审议。`,
      findings: [
        {
          problem: "部分科技专项资金年初预算编制偏粗，年中调整幅度较大",
          requirement: "细化专项资金预算编制，按项目储备情况测算资金需求",
          due: "2021-12-31",
        },
        {
          problem: "科技项目后补助资金拨付滞后，年末结转结余偏高",
          requirement: "按验收节点拨付资金，年末结转率控制在 5% 以内",
          due: "2021-10-31",
        },
        {
          problem: "部门整体绩效目标中部分指标未量化，难以考核",
          requirement: "2022 年度整体绩效目标全部细化量化，报财政审核",
          due: "2021-11-30",
        },
      ],
      steps: [
        { to: "DRAFT", at: "2021-03-15T02:00:00Z", actor: p.financeAdmin },
        { to: "RECEIVED", at: "2021-04-28T07:30:00Z", actor: p.approverOf(d03) },
        agencyStep("2021-05-11T01:30:00Z", "SCORING", "评价机构声明无利益冲突，开展实地评价"),
        agencyStep("2021-07-02T08:00:00Z", "SUBMITTED", "评价机构提交实地评价报告"),
        {
          to: "SETTLED",
          at: "2021-07-16T03:00:00Z",
          actor: p.financeAdmin,
          comment: "评价报告通过质量审核，提请区人大常委会审议",
        },
      ],
      opinion: {
        author: p.leader,
        at: "2021-09-24T06:00:00Z",
        body: "区人大常委会审议了区科技局 2020 年度部门整体绩效评价报告，认为该局履职成效明显，科技创新政策兑现及时。审议要求：一是提高预算编制的科学性和准确性，减少年中调整；二是加快科技项目资金拨付进度，压减结转结余；三是将评价发现的问题整改情况于年底前书面报告区人大常委会。",
      },
    },
    p.financeAdmin,
  );

  await insertSettled(
    tx,
    {
      id: deptOverallSeedId(2020, "D04"),
      type: "DEPT_OVERALL",
      orgId: d04,
      dueDate: "2021-04-30",
      selfLess: [0, 0.5, 0.5, 0.5, 0, 0.5, 0.5, 0, 1.5, 1, 0.5, 0.5, 0.5, 0.5, 0, 0.5, 0],
      finalLess: [0.5, 1, 1, 1, 0, 1, 0.5, 0.5, 2.5, 1.5, 1, 1, 1, 0.5, 0.5, 0.5, 0.5],
      selfReport: (total) =>
        `区金融办按照区人大部门整体绩效评价试点要求，将预算执行情况报告和绩效自评合一开展整体自评。2020 年度围绕防范化解金融风险、企业上市培育和普惠金融服务等职责开展工作，重点企业上市辅导、金融风险排查处置等目标按期完成。存在的不足：企业上市扶持资金兑现周期较长，部分绩效目标与年度重点工作衔接不够紧密。自评得分 ${total} 分。`,
      improvement:
        "2020 年度部门全年预算按项目汇总执行，执行率见上表。未执行部分主要为企业上市奖励资金待企业完成上市节点后兑付。下一步将按企业上市进度分阶段安排预算。",
      summary: (total, grade) =>
        `受区财政局委托，评价机构对区金融办 2020 年度部门整体支出开展实地评价。评价认为：部门在金融风险防控和企业上市培育方面成效较好；企业上市扶持资金预算安排与实际进度不匹配，绩效目标设置的针对性有待提高。综合评分 ${total} 分，评价等级为“${grade}”。评价报告提请区人大常委会审议。`,
      findings: [
        {
          problem: "企业上市扶持资金预算按全年安排，实际按上市节点兑付，执行进度偏慢",
          requirement: "按企业上市辅导进度分阶段编制预算",
          due: "2021-12-31",
        },
        {
          problem: "普惠金融服务满意度调查样本偏少，满意度结论依据不足",
          requirement: "扩大服务对象满意度调查覆盖面，留存调查底稿",
          due: "2021-11-30",
        },
      ],
      steps: [
        { to: "DRAFT", at: "2021-03-15T02:05:00Z", actor: p.financeAdmin },
        { to: "RECEIVED", at: "2021-04-29T06:10:00Z", actor: p.approverOf(d04) },
        agencyStep("2021-05-12T02:00:00Z", "SCORING", "评价机构声明无利益冲突，开展实地评价"),
        agencyStep("2021-07-05T07:20:00Z", "SUBMITTED", "评价机构提交实地评价报告"),
        {
          to: "SETTLED",
          at: "2021-07-19T02:30:00Z",
          actor: p.financeAdmin,
          comment: "评价报告通过质量审核，提请区人大常委会审议",
        },
      ],
      opinion: {
        author: p.leader,
        at: "2021-09-24T06:30:00Z",
        body: "区人大常委会审议了区金融办 2020 年度部门整体绩效评价报告，肯定了该办在防范化解金融风险、推动企业上市方面的成效。审议要求：一是按企业上市进度科学安排扶持资金预算；二是完善服务对象满意度评价机制；三是加强整体绩效目标与年度重点工作的衔接，整改情况年底前报区人大常委会。",
      },
    },
    p.financeAdmin,
  );

  await insertSettled(
    tx,
    {
      id: townshipFiscalSeedId(2020, "下管镇"),
      type: "TOWNSHIP_FISCAL",
      orgId: xiaguan,
      dueDate: "2021-05-31",
      //        收入增 税收 民生 编制 执行 公开 财务 债务率 隐债 到期 配置 账实 收益 目标 监控 应用
      selfLess: [1, 0.5, 0.5, 0.5, 0.5, 0, 0.5, 0.5, 0.5, 0, 0.5, 0.5, 0, 0.5, 0, 1],
      finalLess: [1.5, 1, 1, 1, 1, 0.5, 1, 1, 1, 0, 1, 1, 0.5, 1, 0.5, 2],
      selfReport: (total) =>
        `按照《2020 年度上虞区下级政府财政运行综合绩效评价工作试点方案》，下管镇对本镇 2020 年度财政运行情况开展自评。全年一般公共预算收入保持增长，民生支出占比稳定，预决算按规定公开，政府债务风险总体可控；存在的问题是税收收入占比偏低、部分村级资产台账更新不及时、绩效目标编报覆盖面不够。自评得分 ${total} 分。`,
      improvement: "",
      summary: (total, grade) =>
        `下管镇作为乡镇政府财政运行综合绩效评价试点，财政运行总体平稳，预算管理较为规范，债务风险可控。主要问题：收入结构中税收占比不高，资产管理基础工作薄弱，项目绩效目标编报和结果应用有待加强。综合评分 ${total} 分，评价等级为“${grade}”。`,
      findings: [
        {
          problem: "村级集体资产台账更新不及时，部分资产账实不符",
          requirement: "开展资产清查，建立资产动态管理台账",
          due: "2021-12-31",
        },
        {
          problem: "镇级项目绩效目标编报覆盖率不足 80%",
          requirement: "2022 年度镇级项目全部编报绩效目标",
          due: "2022-01-31",
        },
      ],
      steps: [
        { to: "DRAFT", at: "2021-03-20T02:00:00Z", actor: p.financeAdmin },
        { to: "SUBMITTED", at: "2021-05-26T08:00:00Z", actor: p.townshipFiler },
        {
          to: "SETTLED",
          at: "2021-07-22T03:00:00Z",
          actor: p.financeAdmin,
          comment: "评分完成，反馈下管镇整改",
        },
      ],
    },
    p.financeAdmin,
  );

  await insertDraft(
    tx,
    {
      id: deptOverallSeedId(2021, "D03"),
      type: "DEPT_OVERALL",
      orgId: d03,
      year: 2021,
      dueDate: "2022-04-30",
    },
    p.financeAdmin,
    "2022-03-10T02:00:00Z",
  );
  await insertDraft(
    tx,
    {
      id: townshipFiscalSeedId(2021, "下管镇"),
      type: "TOWNSHIP_FISCAL",
      orgId: xiaguan,
      year: 2021,
      dueDate: "2022-05-31",
    },
    p.financeAdmin,
    "2022-03-10T02:10:00Z",
  );
}
