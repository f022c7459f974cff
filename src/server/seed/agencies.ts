import type { Tx } from "../db";
import { agencyConflicts, agencyProfiles, agencyRatings, agencyStaff, agencyViolations } from "../schema";
import { AGENCIES } from "./organisations-data";
import { personName } from "./people";
import { createRandom, seedId } from "./random";

// 第三方机构库 demo data: every agency's profile and staff, a rating history from past engagements,
// and the cases the engagement rules must catch — a violation within three years (AG05), a
// suspended agency (AG07), a formerly blacklisted one (AG06), and a declared conflict (AG01). The
// recent violation is dated from the day the demo data is loaded, so it stays within the three years.

type Ids = { agency: (code: string) => string; department: (code: string) => string };

const TITLES = ["高级会计师", "注册会计师", "高级经济师", "工程师", "副教授", "律师", "资产评估师"];
const QUALIFICATIONS: Record<string, string> = {
  ACCOUNTING_FIRM: "会计师事务所执业证书；财政部门备案；具备预算绩效评价业务经验",
  CONSULTING: "工程咨询单位甲级资信；ISO 9001 质量管理体系认证",
  ASSET_APPRAISAL: "资产评估机构备案；证券期货相关业务评估资格",
  LAW_FIRM: "律师事务所执业许可证",
  RESEARCH_INSTITUTE: "省级新型智库；财政绩效评价研究基地",
  UNIVERSITY: "高校绩效评价研究中心；省财政厅绩效评价专家库成员单位",
};
const CRITERIA = { quality: 40, timeliness: 20, independence: 20, compliance: 20 } as const;

/** A valid-looking 统一社会信用代码 (format only; the check digit is not computed). */
function creditCode(i: number): string {
  return `91330604MA2${String(10 + i).padStart(2, "0")}K${String(4200 + i * 37).padStart(4, "0")}X`.slice(
    0,
    18,
  );
}

/** The day `months` months before today (China time): a recent violation stays recent in the demo. */
function monthsAgo(months: number): string {
  const now = new Date(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()));
  now.setUTCMonth(now.getUTCMonth() - months);
  return now.toISOString().slice(0, 10);
}

export function buildAgencySeed(ids: Ids, financeAdminId: string) {
  const r = createRandom(2021_0601);
  const profiles = AGENCIES.map((a, i) => ({
    orgId: ids.agency(a.code),
    status: a.code === "AG07" ? ("SUSPENDED" as const) : ("ACTIVE" as const),
    statusReason: a.code === "AG07" ? "评价报告质量复核不合格，暂停承接业务至整改完成" : "",
    blacklistedOn: a.code === "AG06" ? "2017-09-15" : null,
    creditCode: creditCode(i),
    qualifications: QUALIFICATIONS[a.type] ?? "",
    contactName: personName(r),
    contactPhone: `0575-8${String(2100000 + i * 1371).slice(0, 7)}`,
    address: `绍兴市上虞区${["百官街道", "曹娥街道", "东关街道", "崧厦街道"][i % 4]}人民路 ${100 + i * 12} 号`,
  }));
  const staff = AGENCIES.flatMap((a) =>
    Array.from({ length: 3 + r.int(0, 3) }, (_, k) => ({
      id: seedId(`agency-staff:${a.code}:${k}`),
      agencyId: ids.agency(a.code),
      name: personName(r),
      title: r.pick(TITLES),
      qualification: k === 0 ? "项目负责人" : r.chance(0.5) ? "注册会计师" : "",
    })),
  );
  const violations = [
    {
      id: seedId("agency-violation:AG05:recent"),
      agencyId: ids.agency("AG05"),
      occurredOn: monthsAgo(14),
      description: "绩效评价报告中引用的基础数据未经核实，评价结论与事实不符",
      penalty: "通报批评，一年内不得承接本区财政评价业务",
      recordedBy: financeAdminId,
    },
    {
      id: seedId("agency-violation:AG06:2017"),
      agencyId: ids.agency("AG06"),
      occurredOn: "2017-08-30",
      description: "评价过程中与被评价单位存在未申报的关联关系",
      penalty: "列入黑名单",
      recordedBy: financeAdminId,
    },
  ];
  const conflicts = [
    {
      agencyId: ids.agency("AG01"),
      departmentId: ids.department("D01"),
      reason: "近两年为该部门提供年度财务审计服务",
    },
  ];
  const ratings = AGENCIES.filter((a) => a.code !== "AG06").flatMap((a) =>
    Array.from({ length: 2 + r.int(0, 1) }, (_, k) => {
      const breakdown = Object.fromEntries(
        Object.entries(CRITERIA).map(([key, max]) => [key, Math.round(max * (0.78 + r.next() * 0.2))]),
      ) as Record<string, number>;
      const score = Object.values(breakdown).reduce((s, v) => s + v, 0);
      return {
        id: seedId(`agency-rating:${a.code}:${k}`),
        agencyId: ids.agency(a.code),
        ratedOn: `${2019 + k}-12-${String(10 + r.int(0, 15)).padStart(2, "0")}`,
        score: score.toFixed(2),
        breakdown,
        comment: score >= 90 ? "报告规范，结论客观" : "报告基本规范，个别问题分析不够深入",
        ratedBy: financeAdminId,
      };
    }),
  );
  return { profiles, staff, violations, conflicts, ratings };
}

export async function insertAgencySeed(tx: Tx, seed: ReturnType<typeof buildAgencySeed>) {
  await tx.insert(agencyProfiles).values(seed.profiles).onConflictDoNothing();
  await tx.insert(agencyStaff).values(seed.staff).onConflictDoNothing();
  await tx.insert(agencyViolations).values(seed.violations).onConflictDoNothing();
  await tx.insert(agencyConflicts).values(seed.conflicts).onConflictDoNothing();
  await tx.insert(agencyRatings).values(seed.ratings).onConflictDoNothing();
}
