import { sql } from "drizzle-orm";
import type { Tx } from "../db";
import {
  agencyRatings,
  engagements,
  engagementTeam,
  evaluationFindings,
  evaluations,
  evaluationScores,
  evaluationTransitions,
} from "../schema";
import { gradeOf, hundredthsToText, type Grade } from "../../domain/evaluation";
import { projectTemplateCode } from "../../domain/evaluation-templates";
import { fenToYuanString, sumYuan, toFen } from "../../domain/money";
import { TEMPLATE_SEEDS } from "./evaluation-templates-data";
import { templateSeedId } from "./evaluation-templates";
import type { ProjectSeed } from "./projects-data";
import { createRandom, seedId, type Random } from "./random";

// 第三方评价 of budget year 2020 in work year 2021 (SPEC §10: 21 projects, 4.70 亿元, 15 优秀 and 6
// 良好). The 2020 departmental special projects alone do not reach 4.70 亿元 with 21 projects (the
// largest 21 come to 4.27 亿元), so the 19 largest are joined by the pair of government investment
// projects that brings the total closest to 4.70 亿元. Several eligible agencies (never AG05, AG06 or
// AG07, never AG01 on a 区教育局 project) declared, scored and reported; two reports were returned by
// the quality review and accepted after revision; every engagement is rated. The demo `agency`
// account (AG01) has two 2021 engagements open: one awaiting its declaration, one in progress. The
// field evaluations of the 2020 department-wide evaluations are engaged on the department-wide
// module's seeded evaluations, written only when those exist.

const YEAR = 2020;
const TARGET_FEN = 47_000_000_000n; // 4.70 亿元
const AGENCY_CODES = ["AG01", "AG02", "AG03", "AG04", "AG08"] as const;
const EDUCATION = "D01";
const user = (key: string) => seedId(`user:${key}`);
const agencyUser = (code: string) => (code === "AG01" ? user("agency") : user(`agency:${code}`));
const budgetFen = (p: ProjectSeed) => toFen(sumYuan(p.budgetCurrent, p.budgetCarryover, p.budgetOther));
const deptCode = (p: ProjectSeed) => p.code.split("-")[1]!;
export const thirdPartyEvaluationId = (projectId: string) => seedId(`third-party:${projectId}`);
export const engagementSeedId = (evaluationId: string) => seedId(`engagement:${evaluationId}`);

/** The 21 projects: the 19 largest 2020 departmental special projects and the closest investment pair. */
export function pickThirdPartyProjects(projects: ProjectSeed[]): ProjectSeed[] {
  const byBudget = (a: ProjectSeed, b: ProjectSeed) =>
    budgetFen(b) === budgetFen(a) ? a.code.localeCompare(b.code) : budgetFen(b) > budgetFen(a) ? 1 : -1;
  const special = projects.filter((p) => p.year === YEAR && p.kind === "DEPT_SPECIAL").sort(byBudget);
  const chosen = special.slice(0, 19);
  const rest = TARGET_FEN - chosen.reduce((s, p) => s + budgetFen(p), 0n);
  const investment = projects.filter((p) => p.year === YEAR && p.kind === "GOV_INVESTMENT").sort(byBudget);
  let best: [ProjectSeed, ProjectSeed] | null = null;
  let bestGap = -1n;
  for (let i = 0; i < investment.length; i++)
    for (let j = i + 1; j < investment.length; j++) {
      const d = budgetFen(investment[i]!) + budgetFen(investment[j]!) - rest;
      const gap = d < 0n ? -d : d;
      if (bestGap < 0n || gap < bestGap) {
        best = [investment[i]!, investment[j]!];
        bestGap = gap;
      }
    }
  if (!best) throw new Error("no investment projects to complete the third-party seed");
  return [...chosen, ...best].sort((a, b) => a.code.localeCompare(b.code));
}

const REPORTS: Record<Grade, string> = {
  EXCELLENT:
    "经现场核查和问卷调查，项目立项依据充分，资金管理规范，年度绩效目标全面完成，社会效益明显，服务对象满意度较高。建议进一步细化绩效指标，健全长效管理机制。",
  GOOD: "经现场核查，项目总体按计划实施，主要产出目标基本完成，但部分指标量化不足，资金支付进度偏慢，个别佐证材料不完整。建议加强预算执行管理，完善绩效目标设置和过程资料归档。",
  PASS: "",
  FAIL: "",
};
const DEDUCTIONS = [
  "佐证材料不完整，酌情扣分。",
  "部分指标未量化，扣减相应分值。",
  "资金支付进度滞后于计划。",
  "满意度调查样本不足。",
  "个别产出未按时完成。",
];
const FINDINGS = [
  ["绩效目标设置不够细化，部分指标难以量化考核", "修订下一年度绩效目标，补充可量化的数量、质量和时效指标"],
  ["项目资金支付进度滞后，年底集中支付比例偏高", "按月制定用款计划，加快资金支付进度"],
  ["过程管理资料归档不完整", "建立项目档案管理制度，完善验收和支付凭证归档"],
];

type Line = { level1: string; level2: string; name: string; guide: string; max: number };

function templateLines(p: ProjectSeed): Line[] {
  const t = TEMPLATE_SEEDS.find((x) => x.code === projectTemplateCode(p.specialArea))!;
  return t.lines.map(([level1, level2, name, max, guide]) => ({
    level1,
    level2,
    name,
    guide,
    max: max * 100,
  }));
}

/** Points per line (hundredths) that add up to `total`, taken off in half points. */
function spread(lines: Line[], total: number, r: Random): number[] {
  const pts = lines.map((l) => l.max);
  let left = pts.reduce((a, b) => a + b, 0) - total;
  while (left > 0) {
    const i = r.int(0, pts.length - 1);
    const step = Math.min(left, 50);
    if (pts[i]! >= step && pts[i]! - step >= lines[i]!.max * 0.4) {
      pts[i]! -= step;
      left -= step;
    }
  }
  return pts;
}

const at = (iso: string, days: number, hour = 2) =>
  new Date(Date.parse(`${iso}T0${hour}:00:00Z`) + days * 86_400_000);
const dateOf = (d: Date) => d.toISOString().slice(0, 10);

export function buildThirdPartySeed(projects: ProjectSeed[], financeAdminId: string) {
  const r = createRandom(2021_0815);
  const rows: (typeof evaluations.$inferInsert)[] = [];
  const scores: (typeof evaluationScores.$inferInsert)[] = [];
  const transitions: (typeof evaluationTransitions.$inferInsert)[] = [];
  const findings: (typeof evaluationFindings.$inferInsert)[] = [];
  const engagementRows: (typeof engagements.$inferInsert)[] = [];
  const team: (typeof engagementTeam.$inferInsert)[] = [];
  const ratings: (typeof agencyRatings.$inferInsert)[] = [];
  let rotation = 0;
  pickThirdPartyProjects(projects).forEach((p, i) => {
    let code: string = AGENCY_CODES[rotation++ % AGENCY_CODES.length]!;
    if (code === "AG01" && deptCode(p) === EDUCATION) code = AGENCY_CODES[rotation++ % AGENCY_CODES.length]!;
    const agencyId = seedId(`org:agency:${code}`);
    const by = agencyUser(code);
    const id = thirdPartyEvaluationId(p.id);
    const engagementId = engagementSeedId(id);
    const grade: Grade = i % 7 === 2 || i % 7 === 5 ? "GOOD" : "EXCELLENT";
    const total = grade === "EXCELLENT" ? 9000 + r.int(0, 14) * 50 : 8000 + r.int(0, 19) * 50;
    const lines = templateLines(p);
    const points = spread(lines, total, r);
    if (gradeOf(total) !== grade) throw new Error("third-party seed grade mismatch");
    const engagedAt = at("2021-04-06", r.int(0, 20));
    const declaredAt = new Date(engagedAt.getTime() + r.int(2, 6) * 86_400_000);
    const deadline = dateOf(new Date(engagedAt.getTime() + 90 * 86_400_000));
    const submittedAt = new Date(declaredAt.getTime() + r.int(35, 60) * 86_400_000);
    const returned = i === 4 || i === 13;
    const resubmittedAt = new Date(submittedAt.getTime() + 9 * 86_400_000);
    const acceptedAt = new Date(
      (returned ? resubmittedAt : submittedAt).getTime() + r.int(5, 12) * 86_400_000,
    );
    const fee = fenToYuanString(((budgetFen(p) * 3n) / 1000n / 10_000n) * 10_000n + 3_000_000n);
    lines.forEach((l, k) =>
      scores.push({
        id: seedId(`third-party:${p.id}:line:${k}`),
        evaluationId: id,
        level1: l.level1,
        level2: l.level2,
        name: l.name,
        targetText: l.guide,
        maxPoints: hundredthsToText(l.max),
        points: hundredthsToText(points[k]!),
        note: points[k]! < l.max ? DEDUCTIONS[(k + i) % DEDUCTIONS.length]! : "",
        sortOrder: k,
      }),
    );
    rows.push({
      id,
      type: "THIRD_PARTY",
      year: YEAR,
      projectId: p.id,
      status: "SETTLED",
      templateId: templateSeedId(YEAR, projectTemplateCode(p.specialArea)),
      budgetTotal: sumYuan(p.budgetCurrent, p.budgetCarryover, p.budgetOther),
      executedTotal: sumYuan(p.executedCurrent, p.executedCarryover, p.executedOther),
      totalScore: hundredthsToText(total),
      grade,
      summary: REPORTS[grade],
      dueDate: deadline,
      filedBy: by,
      createdBy: financeAdminId,
      version: returned ? 7 : 5,
      submittedAt: returned ? resubmittedAt : submittedAt,
      completedAt: acceptedAt,
      createdAt: engagedAt,
      updatedAt: acceptedAt,
    });
    const steps: [string | null, string, string, Date, string][] = [
      [null, "DRAFT", financeAdminId, engagedAt, ""],
      ["DRAFT", "SCORING", by, declaredAt, ""],
      ["SCORING", "SUBMITTED", by, submittedAt, ""],
    ];
    if (returned)
      steps.push(
        [
          "SUBMITTED",
          "RETURNED",
          financeAdminId,
          new Date(submittedAt.getTime() + 4 * 86_400_000),
          "报告对资金支付进度滞后的原因分析不充分，满意度调查样本量未说明，请补充后重新提交。",
        ],
        ["RETURNED", "SUBMITTED", by, resubmittedAt, ""],
      );
    steps.push(["SUBMITTED", "SETTLED", financeAdminId, acceptedAt, ""]);
    steps.forEach(([from, to, actor, when, comment], k) =>
      transitions.push({
        id: seedId(`third-party:${p.id}:move:${k}`),
        evaluationId: id,
        fromStatus: from as never,
        toStatus: to as never,
        actorId: actor,
        comment,
        createdAt: when,
      }),
    );
    const nFindings = grade === "GOOD" ? 2 : 1;
    for (let k = 0; k < nFindings; k++) {
      const [problem, requirement] = FINDINGS[(i + k) % FINDINGS.length]!;
      findings.push({
        id: seedId(`third-party:${p.id}:finding:${k}`),
        evaluationId: id,
        problem,
        requirement,
        dueDate: "2021-12-31",
        sortOrder: k,
        createdBy: by,
        createdAt: submittedAt,
      });
    }
    engagementRows.push({
      id: engagementId,
      evaluationId: id,
      agencyId,
      fee,
      deadline,
      scope:
        "对项目决策、过程、产出和效益开展全面评价，实地核查不少于 2 个实施点，开展服务对象满意度调查，出具评价报告。",
      engagedBy: financeAdminId,
      engagedAt,
      declaredBy: by,
      declaredAt,
      declaration:
        "本机构及评价小组全体成员声明：与被评价部门及其所属单位不存在利益冲突，将独立、客观、公正地开展评价。",
      acceptedAt,
    });
    const size = 2 + (i % 2);
    for (let k = 0; k < size; k++) team.push({ engagementId, staffId: seedId(`agency-staff:${code}:${k}`) });
    const breakdown = {
      quality: returned ? 33 : 35 + r.int(0, 4),
      timeliness: 16 + r.int(0, 4),
      independence: 18 + r.int(0, 2),
      compliance: 16 + r.int(0, 4),
    };
    ratings.push({
      id: seedId(`agency-rating:third-party:${p.id}`),
      agencyId,
      engagementId,
      ratedOn: dateOf(new Date(acceptedAt.getTime() + 3 * 86_400_000)),
      score: Object.values(breakdown)
        .reduce((a, b) => a + b, 0)
        .toFixed(2),
      breakdown,
      comment: returned ? "报告经退回修改后达到要求，分析深度有待提高" : "报告规范，结论客观，按期完成",
      ratedBy: financeAdminId,
    });
  });
  return {
    rows,
    scores,
    transitions,
    findings,
    engagements: engagementRows,
    team,
    ratings,
    open: openEngagements(projects, financeAdminId),
  };
}

/**
 * AG01's open work for the demo `agency` account: two 2021 projects (not 区教育局's, which AG01 declared
 * a conflict with), one just engaged and one declared and partly scored. Deadlines run from the day
 * the demo data is loaded, so they stay ahead of the demo.
 */
function openEngagements(projects: ProjectSeed[], financeAdminId: string) {
  const picks = ["D03", "D05"].map(
    (d) =>
      projects
        .filter(
          (p) =>
            p.year === 2021 && p.kind === "DEPT_SPECIAL" && p.specialArea === "GENERAL" && deptCode(p) === d,
        )
        .sort((a, b) => a.code.localeCompare(b.code))[0]!,
  );
  const now = Date.now();
  const day = (n: number) => new Date(now + n * 86_400_000);
  const agencyId = seedId("org:agency:AG01");
  const rows: (typeof evaluations.$inferInsert)[] = [];
  const scores: (typeof evaluationScores.$inferInsert)[] = [];
  const transitions: (typeof evaluationTransitions.$inferInsert)[] = [];
  const engagementRows: (typeof engagements.$inferInsert)[] = [];
  const team: (typeof engagementTeam.$inferInsert)[] = [];
  picks.forEach((p, i) => {
    const id = thirdPartyEvaluationId(p.id);
    const engagementId = engagementSeedId(id);
    const declared = i === 1;
    const engagedAt = day(declared ? -20 : -3);
    const deadline = dateOf(day(declared ? 12 : 45));
    rows.push({
      id,
      type: "THIRD_PARTY",
      year: 2021,
      projectId: p.id,
      status: declared ? "SCORING" : "DRAFT",
      templateId: templateSeedId(2021, projectTemplateCode(p.specialArea)),
      budgetTotal: sumYuan(p.budgetCurrent, p.budgetCarryover, p.budgetOther),
      executedTotal: sumYuan(p.executedCurrent, p.executedCarryover, p.executedOther),
      dueDate: deadline,
      createdBy: financeAdminId,
      version: declared ? 3 : 1,
      createdAt: engagedAt,
      updatedAt: engagedAt,
    });
    templateLines(p).forEach((l, k) =>
      scores.push({
        id: seedId(`third-party:${p.id}:line:${k}`),
        evaluationId: id,
        level1: l.level1,
        level2: l.level2,
        name: l.name,
        targetText: l.guide,
        maxPoints: hundredthsToText(l.max),
        // The first dimension is scored already on the engagement in progress.
        points: declared && l.level1 === "DECISION" ? hundredthsToText(l.max) : null,
        sortOrder: k,
      }),
    );
    transitions.push({
      id: seedId(`third-party:${p.id}:move:0`),
      evaluationId: id,
      toStatus: "DRAFT",
      actorId: financeAdminId,
      createdAt: engagedAt,
    });
    if (declared)
      transitions.push({
        id: seedId(`third-party:${p.id}:move:1`),
        evaluationId: id,
        fromStatus: "DRAFT",
        toStatus: "SCORING",
        actorId: user("agency"),
        createdAt: day(-17),
      });
    engagementRows.push({
      id: engagementId,
      evaluationId: id,
      agencyId,
      fee: declared ? "120000.00" : "85000.00",
      deadline,
      scope: "对 2021 年度项目实施情况开展绩效评价，重点核查资金使用和产出完成情况，出具评价报告。",
      engagedBy: financeAdminId,
      engagedAt,
      declaredBy: declared ? user("agency") : null,
      declaredAt: declared ? day(-17) : null,
      declaration: declared
        ? "本机构及评价小组全体成员声明：与被评价部门及其所属单位不存在利益冲突，将独立、客观、公正地开展评价。"
        : "",
    });
    if (declared)
      for (let k = 0; k < 2; k++) team.push({ engagementId, staffId: seedId(`agency-staff:AG01:${k}`) });
  });
  return { rows, scores, transitions, engagements: engagementRows, team };
}

/** The field evaluations of the seeded 2020 department-wide evaluations (their module seeds them). */
const FIELD = [
  { dept: "D03", agency: "AG02" },
  { dept: "D04", agency: "AG03" },
];

export async function insertThirdPartySeed(tx: Tx, seed: ReturnType<typeof buildThirdPartySeed>) {
  for (const part of [seed, seed.open]) {
    if (!part.rows.length) continue;
    await tx.insert(evaluations).values(part.rows).onConflictDoNothing({ target: evaluations.id });
    for (let i = 0; i < part.scores.length; i += 1000)
      await tx
        .insert(evaluationScores)
        .values(part.scores.slice(i, i + 1000))
        .onConflictDoNothing({ target: evaluationScores.id });
    await tx
      .insert(evaluationTransitions)
      .values(part.transitions)
      .onConflictDoNothing({ target: evaluationTransitions.id });
    await tx.insert(engagements).values(part.engagements).onConflictDoNothing();
    if (part.team.length) await tx.insert(engagementTeam).values(part.team).onConflictDoNothing();
  }
  if (seed.findings.length)
    await tx
      .insert(evaluationFindings)
      .values(seed.findings)
      .onConflictDoNothing({ target: evaluationFindings.id });
  if (seed.ratings.length) await tx.insert(agencyRatings).values(seed.ratings).onConflictDoNothing();
  for (const f of FIELD) {
    const evaluationId = seedId(`dept-overall:2020:${f.dept}`);
    const engagementId = engagementSeedId(evaluationId);
    const agencyId = seedId(`org:agency:${f.agency}`);
    // Only when the department-wide module has seeded the evaluation.
    await tx.execute(sql`
      insert into engagements (id, evaluation_id, agency_id, fee, deadline, scope, engaged_by, engaged_at,
        declared_by, declared_at, declaration, accepted_at)
      select ${engagementId}::uuid, ${evaluationId}::uuid, ${agencyId}::uuid, 150000.00, '2021-08-31',
        '对部门整体支出绩效开展现场评价：核查部门自评结果和预算执行情况，访谈部门和服务对象，出具现场评价报告。',
        ${user("finance_admin")}::uuid, '2021-05-10T02:00:00Z', ${agencyUser(f.agency)}::uuid,
        coalesce((select created_at from evaluation_transitions
          where evaluation_id = ${evaluationId}::uuid and to_status = 'SCORING'), '2021-05-13T02:00:00Z'),
        '本机构及评价小组全体成员声明：与被评价部门及其所属单位不存在利益冲突，将独立、客观、公正地开展评价。',
        coalesce((select created_at from evaluation_transitions
          where evaluation_id = ${evaluationId}::uuid and to_status = 'SETTLED'), '2021-08-20T02:00:00Z')
      where exists (select 1 from evaluations where id = ${evaluationId}::uuid)
      on conflict do nothing`);
    // The agency's own steps (declared and started, report submitted) are its staff member's: the
    // department-wide module wrote them before the agency was known.
    await tx.execute(sql`
      update evaluation_transitions set actor_id = ${agencyUser(f.agency)}::uuid
      where evaluation_id = ${evaluationId}::uuid and to_status in ('SCORING', 'SUBMITTED') and actor_id is null`);
    await tx.execute(sql`
      insert into engagement_team (engagement_id, staff_id)
      select ${engagementId}::uuid, s.id from agency_staff s
      where s.id in (${seedId(`agency-staff:${f.agency}:0`)}::uuid, ${seedId(`agency-staff:${f.agency}:1`)}::uuid)
        and exists (select 1 from engagements where id = ${engagementId}::uuid)
      on conflict do nothing`);
    await tx.execute(sql`
      insert into agency_ratings (id, agency_id, engagement_id, rated_on, score, breakdown, comment, rated_by)
      select ${seedId(`agency-rating:dept-overall:${f.dept}`)}::uuid, ${agencyId}::uuid, ${engagementId}::uuid,
        '2021-08-25', 91.00, '{"quality":37,"timeliness":18,"independence":19,"compliance":17}'::jsonb,
        '现场评价扎实，报告对部门整体支出的分析较为深入', ${user("finance_admin")}::uuid
      where exists (select 1 from engagements where id = ${engagementId}::uuid)
      on conflict do nothing`);
  }
}
