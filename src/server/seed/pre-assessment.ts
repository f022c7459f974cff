import { fenToYuanString, toFen } from "@/domain/money";
import { needsPreAssessment } from "@/features/years/pre-assessment-rule";
import type { Tx } from "../db";
import {
  expertGroupMembers,
  expertGroupProjects,
  expertGroups,
  expertReviews,
  preAssessmentHistory,
  preAssessments,
} from "../schema";
import type { PreAssessmentStatus } from "../schema/pre-assessment";
import { DEPARTMENTS, DISTRICT } from "./organisations-data";
import type { ProjectSeed } from "./projects-data";
import { createRandom, seedId } from "./random";

// 财政再评估 of work year 2021 for the 2022 budget (SPEC §10): 68 projects, requested 43.52 亿元,
// cut 7.13 亿元, 核减率 16.39%. The chosen projects' 申报数 are set here before the projects are
// inserted, so the figures come out of the stored amounts exactly. The other 2022 projects that need
// a pre-assessment stand at various points of the flow, some with none yet.

const YEAR = 2022;
const THRESHOLD = "3000000.00";
const RE_EVALUATED = 68;
const REQUESTED_TOTAL = 435_200_000_000n; // fen: 43.52 亿元
const CUT_TOTAL = 71_328_000_000n; // fen: 7.1328 亿元 → shows 7.13 亿元 and 16.39%
const GROUP_COUNT = 5;

const EXPERTS = [
  seedId("user:expert"),
  ...Array.from({ length: 8 }, (_, i) => seedId(`user:expert:${i + 1}`)),
];
// Three experts per group; the demo `expert` (index 0) sits in the first and the fourth.
const GROUP_MEMBERS = [
  [0, 1, 2],
  [3, 4, 5],
  [6, 7, 8],
  [0, 3, 6],
  [1, 4, 7],
];
const GROUP_NAMES = ["第1专家组", "第2专家组", "第3专家组", "第4专家组", "第5专家组"];

const FINANCE_ADMIN = seedId("user:finance_admin");

const OPINIONS = [
  "项目立项依据充分，与区“十四五”规划衔接较好；但部分建设内容与往年项目存在交叉，建议压减重复投入，按实际工作量核定预算。",
  "绩效目标总体明确，产出指标可量化，但效益指标偏笼统，建议细化可考核的社会效益指标；资金测算中设备单价偏高，建议参照市场询价调减。",
  "实施方案基本可行，进度安排合理。筹资渠道合规，但未充分考虑上级补助资金，建议统筹上级资金后核减本级安排。",
  "项目必要性较强，前期论证较为充分。预算编制偏粗，咨询及运维费用缺乏测算依据，建议按定额标准重新测算。",
  "建设内容与部门职能相符，绩效目标与预算匹配度一般，部分指标值低于上年实际完成值，建议提高目标值并适当调减资金规模。",
  "单位事前评估报告较规范，风险识别较全面；但实施周期跨年度，建议分年度安排资金，本年度按实际进度核定。",
];

type UnitKey = { filer: string; approver: string };

function unitOwners(): Map<string, UnitKey> {
  const map = new Map<string, UnitKey>();
  for (const d of DEPARTMENTS) {
    const key = d.code.toLowerCase();
    d.units.forEach((_, j) =>
      map.set(seedId(`org:unit:${d.code}:${j}`), {
        filer: seedId(`user:filer:${key}:${j}`),
        approver: seedId(`user:approver:${key}`),
      }),
    );
  }
  return map;
}

const STEPS: PreAssessmentStatus[] = [
  "DRAFT",
  "SUBMITTED",
  "DEPT_APPROVED",
  "FINANCE_REVIEWING",
  "IN_EXPERT_REVIEW",
  "CONCLUDED",
];

export type PreAssessmentSeed = {
  assessments: (typeof preAssessments.$inferInsert)[];
  history: (typeof preAssessmentHistory.$inferInsert)[];
  groups: (typeof expertGroups.$inferInsert)[];
  members: (typeof expertGroupMembers.$inferInsert)[];
  groupProjects: (typeof expertGroupProjects.$inferInsert)[];
  reviews: (typeof expertReviews.$inferInsert)[];
};

/** Spread `total` fen over weights, in whole hundreds of yuan, the remainder on the largest share. */
function spread(total: bigint, weights: number[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map(
    (w) => (BigInt(Math.round((Number(total) * w) / sum / 10_000)) * 10_000n) as bigint,
  );
  const rest = total - parts.reduce((a, b) => a + b, 0n);
  const largest = weights.indexOf(Math.max(...weights));
  parts[largest]! += rest;
  return parts;
}

/**
 * Plan the pre-assessment demo data and set the 申报数 of the re-evaluated projects (in place, before
 * the projects are inserted). Deterministic: the same rows on every run.
 */
export function buildPreAssessmentSeed(projects: ProjectSeed[]): PreAssessmentSeed {
  const r = createRandom(20_211_015);
  const owners = unitOwners();
  const needing = projects
    .filter((p) => p.year === YEAR && needsPreAssessment(p, THRESHOLD))
    .sort((a, b) => a.code.localeCompare(b.code));
  const done = needing.filter((p) => p.stage === "TARGET_SETTING" || p.stage === "BUDGETED");
  // The largest ones are re-evaluated, as the bureau picks 部分重大项目.
  const chosen = [...done]
    .sort((a, b) => (toFen(b.requestedAmount) > toFen(a.requestedAmount) ? 1 : -1))
    .slice(0, RE_EVALUATED);
  const requested = spread(
    REQUESTED_TOTAL,
    chosen.map((p) => Number(toFen(p.requestedAmount))),
  );
  // About a third are supported as filed; the rest are cut by 8–35 % of their amount.
  const cutWeights = chosen.map((_, i) =>
    i % 3 === 2 ? 0 : (0.08 + r.next() * 0.27) * Number(requested[i]!),
  );
  const cuts = spread(CUT_TOTAL, cutWeights);
  const plan = new Map<string, { recommended: bigint; group: number }>();
  chosen.forEach((p, i) => {
    p.requestedAmount = fenToYuanString(requested[i]!);
    const recommended = requested[i]! - cuts[i]!;
    if (toFen(p.initialBudget) > 0n) {
      p.initialBudget = fenToYuanString(recommended);
      p.budgetCurrent = fenToYuanString(recommended);
    }
    plan.set(p.id, { recommended, group: i % GROUP_COUNT });
  });

  const out: PreAssessmentSeed = {
    assessments: [],
    history: [],
    groups: [],
    members: [],
    groupProjects: [],
    reviews: [],
  };
  GROUP_MEMBERS.forEach((members, g) => {
    const id = seedId(`expert-group:${YEAR}:${g}`);
    out.groups.push({
      id,
      year: YEAR,
      districtId: seedId(DISTRICT.key),
      name: GROUP_NAMES[g]!,
      leadExpertId: EXPERTS[members[1]!]!,
      createdBy: FINANCE_ADMIN,
    });
    for (const m of members) out.members.push({ groupId: id, expertId: EXPERTS[m]! });
  });

  const pending = needing.filter((p) => p.stage === "PRE_ASSESSMENT");
  // The PRE_ASSESSMENT projects cycle through the open states; every sixth has none yet. 区科技局's
  // first project of 区科技创新服务中心 (dept_filer) has none, and one of its others awaits dept_approver.
  const OPEN: (PreAssessmentStatus | null)[] = [
    "SUBMITTED",
    "DRAFT",
    "DEPT_APPROVED",
    "FINANCE_REVIEWING",
    "RETURNED",
    null,
  ];
  const filerUnit = seedId("org:unit:D03:1");
  let d03Submitted = false;
  const states = new Map<string, PreAssessmentStatus | null>();
  pending.forEach((p, i) => {
    let s: PreAssessmentStatus | null = OPEN[i % OPEN.length] ?? null;
    if (p.unitId === filerUnit) s = null;
    else if (p.departmentId === seedId("org:dept:D03") && !d03Submitted) {
      s = "SUBMITTED";
      d03Submitted = true;
    }
    states.set(p.id, s);
  });
  for (const p of done) states.set(p.id, "CONCLUDED");

  needing.forEach((p, n) => {
    const status = states.get(p.id);
    if (!status) return;
    const owner = owners.get(p.unitId)!;
    const id = seedId(`pre-assessment:${p.id}`);
    const scores = [0, 0, 0, 0, 0].map(() => r.int(14, 19));
    const reEval = plan.get(p.id);
    const base = Date.UTC(2021, 6, 1) + n * 3_600_000 * 5;
    const at = (step: number) => new Date(base + step * 86_400_000 * 6);
    const path: PreAssessmentStatus[] =
      status === "RETURNED"
        ? ["DRAFT", "SUBMITTED", "RETURNED"]
        : STEPS.slice(0, STEPS.indexOf(status) + 1).filter((s) => reEval || s !== "IN_EXPERT_REVIEW");
    out.assessments.push({
      id,
      projectId: p.id,
      status,
      necessityScore: scores[0],
      necessityText: `${p.name.slice(5)}符合区委区政府年度重点工作部署，服务对象明确，需求依据充分。`,
      economyScore: scores[1],
      economyText: "投入按定额标准和市场询价测算，支出结构合理，已剔除重复安排内容。",
      targetsScore: scores[2],
      targetsText: "产出、效益和满意度指标完整，指标值参照上年实际完成情况设定。",
      feasibilityScore: scores[3],
      feasibilityText: "实施方案分阶段推进，责任到岗，已完成前期论证和风险识别。",
      complianceScore: scores[4],
      complianceText: "资金来源为本级财政拨款，符合预算管理和政府采购相关规定。",
      conclusion:
        status === "CONCLUDED"
          ? reEval && reEval.recommended < toFen(p.requestedAmount)
            ? "SUPPORT_ADJUSTED"
            : "SUPPORT"
          : null,
      recommendedAmount:
        status === "CONCLUDED" ? (reEval ? fenToYuanString(reEval.recommended) : p.requestedAmount) : null,
      conclusionNote:
        status === "CONCLUDED"
          ? reEval
            ? "经专家组再评估，按专家意见核定。"
            : "单位事前评估报告经业务科室审核，予以支持。"
          : null,
      concludedBy: status === "CONCLUDED" ? FINANCE_ADMIN : null,
      concludedAt: status === "CONCLUDED" ? at(path.length - 1) : null,
      filedBy: owner.filer,
      version: path.length,
      createdAt: at(0),
      updatedAt: at(path.length - 1),
    });
    path.forEach((to, k) => {
      const actor =
        k === 0 || to === "SUBMITTED"
          ? owner.filer
          : to === "DEPT_APPROVED" || to === "RETURNED"
            ? owner.approver
            : FINANCE_ADMIN;
      out.history.push({
        id: seedId(`pre-assessment-history:${p.id}:${k}`),
        preAssessmentId: id,
        fromStatus: k === 0 ? null : path[k - 1]!,
        toStatus: to,
        comment: to === "RETURNED" ? "绩效目标中效益指标不够具体，请补充可量化的指标值后重新提交。" : null,
        actorId: actor,
        at: at(k),
      });
    });
    if (!reEval) return;
    const groupId = seedId(`expert-group:${YEAR}:${reEval.group}`);
    out.groupProjects.push({ groupId, projectId: p.id });
    for (const m of GROUP_MEMBERS[reEval.group]!) {
      const s = scores.map((x) => Math.max(10, Math.min(20, x - r.int(0, 3))));
      out.reviews.push({
        id: seedId(`expert-review:${p.id}:${m}`),
        groupId,
        projectId: p.id,
        expertId: EXPERTS[m]!,
        necessityScore: s[0]!,
        economyScore: s[1]!,
        targetsScore: s[2]!,
        feasibilityScore: s[3]!,
        complianceScore: s[4]!,
        opinion: OPINIONS[(n + m) % OPINIONS.length]!,
        submitted: true,
        submittedAt: at(4),
        updatedAt: at(4),
      });
    }
  });
  return out;
}

async function chunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 300) await insert(rows.slice(i, i + 300));
}

/** Insert the planned rows inside the seed's transaction; rows already present are left alone. */
export async function insertPreAssessmentSeed(tx: Tx, s: PreAssessmentSeed): Promise<void> {
  await chunked(s.assessments, (c) => tx.insert(preAssessments).values(c).onConflictDoNothing());
  await chunked(s.history, (c) => tx.insert(preAssessmentHistory).values(c).onConflictDoNothing());
  await tx.insert(expertGroups).values(s.groups).onConflictDoNothing();
  await tx.insert(expertGroupMembers).values(s.members).onConflictDoNothing();
  await chunked(s.groupProjects, (c) => tx.insert(expertGroupProjects).values(c).onConflictDoNothing());
  await chunked(s.reviews, (c) => tx.insert(expertReviews).values(c).onConflictDoNothing());
}
