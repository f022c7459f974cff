import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Grade } from "@/domain/evaluation";
import { fenToYuanString, toFen } from "@/domain/money";
import { db, queryRows, type DbOrTx } from "@/server/db";
import { annualSummaryPlans } from "@/server/schema";
import { districtActScope, districtScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";

// 年度预算绩效管理工作总结 of a work year W: the evaluations of budget year W−1 (自评, 集中抽评, 重点评价,
// 第三方评价, 部门整体评价, 乡镇财政运行评价) and the 财政再评估 of projects for budget year W+1. The report is
// the bureau's document about the whole district, so its figures are not narrowed to a reviewer's
// departments: the permission (reports.read) decides who reads it, and the reader's district which
// district it is about (a province-level reader's covers every district). Amounts are exact yuan strings.

type Reader = Pick<CurrentUser, "districtId" | "provinceWide">;

const BUDGET = sql.raw("(p.budget_current + p.budget_carryover + p.budget_other)");
const SELF_FILED = sql.raw("e.status in ('SUBMITTED', 'DEPT_APPROVED', 'RECEIVED')");

export type GradeMix = Record<Grade, number>;
export type EvaluatedProject = {
  id: string;
  code: string;
  name: string;
  departmentName: string;
  funds: string;
  score: string | null;
  grade: Grade | null;
};
export type OrgEvaluation = { id: string; orgName: string; score: string | null; grade: Grade | null };
export type SamplingGroupRow = {
  id: string;
  batchName: string;
  name: string;
  leadName: string | null;
  members: number;
  projects: number;
  funds: string;
  settled: number;
  selfAverage: string | null;
  sampledAverage: string | null;
};

export type AnnualSummary = {
  workYear: number;
  budgetYear: number;
  planYear: number;
  self: { projects: number; filed: number };
  sampling: { projects: number; funds: string; groups: SamplingGroupRow[] };
  key: { projects: number; funds: string; items: EvaluatedProject[] };
  thirdParty: { projects: number; funds: string; grades: GradeMix; items: EvaluatedProject[] };
  preAssessment: {
    projects: number;
    requested: string;
    recommended: string;
    cut: string;
    support: number;
    supportAdjusted: number;
    reject: number;
  };
  deptOverall: OrgEvaluation[];
  township: OrgEvaluation[];
};

type ProjectRow = Omit<EvaluatedProject, "grade"> & { grade: Grade | null };

/** Settled (completed) evaluations of one type over a budget year's projects, largest funds first. */
async function settledProjects(
  type: "KEY" | "THIRD_PARTY",
  year: number,
  inDistrict: SQL,
  h: DbOrTx,
): Promise<ProjectRow[]> {
  return queryRows<ProjectRow>(
    h,
    sql`select p.id, p.code, p.name, d.name as "departmentName", ${BUDGET}::text as funds,
          e.total_score::text as score, e.grade
        from evaluations e
        join projects p on p.id = e.project_id
        join organisations d on d.id = p.department_id
        where e.type = ${type} and p.year = ${year} and e.status = 'SETTLED' and ${inDistrict}
        order by ${BUDGET} desc, p.code`,
  );
}

/** Department-wide or township evaluations of the budget year (any status: a pilot is listed from its start). */
async function orgEvaluations(
  type: "DEPT_OVERALL" | "TOWNSHIP_FISCAL",
  year: number,
  user: Reader,
  h: DbOrTx,
): Promise<OrgEvaluation[]> {
  return queryRows<OrgEvaluation>(
    h,
    sql`select e.id, o.name as "orgName",
          case when e.status = 'SETTLED' then e.total_score::text end as score,
          case when e.status = 'SETTLED' then e.grade end as grade
        from evaluations e join organisations o on o.id = e.subject_org_id
        where e.type = ${type} and e.year = ${year} and ${districtScope(user, sql.raw("o.district_id"))}
        order by o.sort_order, o.name`,
  );
}

const sumFunds = (rows: { funds: string }[]) =>
  fenToYuanString(rows.reduce((acc, r) => acc + toFen(r.funds), 0n));

export async function annualSummary(user: Reader, workYear: number, h: DbOrTx = db): Promise<AnnualSummary> {
  const inDistrict = districtScope(user, sql.raw("p.district_id"));
  const budgetYear = workYear - 1;
  const planYear = workYear + 1;
  const [[self], [sampled], groups, key, thirdParty, [pre], deptOverall, township] = await Promise.all([
    queryRows<{ projects: number; filed: number }>(
      h,
      sql`select count(*)::int as projects, count(e.id) filter (where ${SELF_FILED})::int as filed
          from projects p left join evaluations e on e.project_id = p.id and e.type = 'SELF'
          where p.year = ${budgetYear} and ${inDistrict}`,
    ),
    // A project counts once even if two started batches of the year drew it.
    queryRows<{ projects: number; funds: string }>(
      h,
      sql`select count(*)::int as projects, coalesce(sum(${BUDGET}), 0)::text as funds
          from projects p
          where ${inDistrict} and p.id in (select s.project_id from sampling_selections s
            join sampling_batches b on b.id = s.batch_id
            where b.year = ${budgetYear} and b.status <> 'DRAFT')`,
    ),
    queryRows<SamplingGroupRow>(
      h,
      sql`select g.id, b.name as "batchName", g.name, u.display_name as "leadName",
            (select count(*)::int from sampling_group_members m where m.group_id = g.id) as members,
            count(s.project_id)::int as projects,
            coalesce(sum(${BUDGET}), 0)::text as funds,
            count(sm.id) filter (where sm.status = 'SETTLED')::int as settled,
            (avg(se.total_score) filter (where sm.status = 'SETTLED'))::numeric(6,2)::text as "selfAverage",
            (avg(sm.total_score) filter (where sm.status = 'SETTLED'))::numeric(6,2)::text as "sampledAverage"
          from sampling_groups g
          join sampling_batches b on b.id = g.batch_id
          left join users u on u.id = g.lead_id
          left join sampling_selections s on s.group_id = g.id
          left join projects p on p.id = s.project_id
          left join evaluations sm on sm.project_id = p.id and sm.type = 'SAMPLED' and sm.batch_id = b.id
          left join evaluations se on se.project_id = p.id and se.type = 'SELF'
          where b.year = ${budgetYear} and b.status <> 'DRAFT' and ${districtScope(user, sql.raw("b.district_id"))}
          group by g.id, b.name, b.created_at, g.name, g.sort_order, u.display_name
          order by b.created_at, g.sort_order, g.name`,
    ),
    settledProjects("KEY", budgetYear, inDistrict, h),
    settledProjects("THIRD_PARTY", budgetYear, inDistrict, h),
    // 财政再评估: concluded pre-assessments of next year's projects that an expert group re-evaluated.
    queryRows<{
      projects: number;
      requested: string;
      recommended: string;
      support: number;
      supportAdjusted: number;
      reject: number;
    }>(
      h,
      sql`select count(*)::int as projects,
            coalesce(sum(p.requested_amount), 0)::text as requested,
            coalesce(sum(pa.recommended_amount), 0)::text as recommended,
            count(*) filter (where pa.conclusion = 'SUPPORT')::int as support,
            count(*) filter (where pa.conclusion = 'SUPPORT_ADJUSTED')::int as "supportAdjusted",
            count(*) filter (where pa.conclusion = 'REJECT')::int as reject
          from pre_assessments pa
          join projects p on p.id = pa.project_id
          join expert_group_projects gp on gp.project_id = p.id
          where p.year = ${planYear} and pa.status = 'CONCLUDED' and ${inDistrict}`,
    ),
    orgEvaluations("DEPT_OVERALL", budgetYear, user, h),
    orgEvaluations("TOWNSHIP_FISCAL", budgetYear, user, h),
  ]);
  const grades: GradeMix = { EXCELLENT: 0, GOOD: 0, PASS: 0, FAIL: 0 };
  for (const r of thirdParty) if (r.grade) grades[r.grade] += 1;
  return {
    workYear,
    budgetYear,
    planYear,
    self: self!,
    sampling: { projects: sampled!.projects, funds: sampled!.funds, groups },
    key: { projects: key.length, funds: sumFunds(key), items: key },
    thirdParty: { projects: thirdParty.length, funds: sumFunds(thirdParty), grades, items: thirdParty },
    preAssessment: {
      ...pre!,
      cut: fenToYuanString(toFen(pre!.requested) - toFen(pre!.recommended)),
    },
    deptOverall,
    township,
  };
}

/** The work years a summary can be written for: each budget year's following year. */
export async function summaryYearOptions(h: DbOrTx = db): Promise<number[]> {
  const rows = await queryRows<{ year: number }>(h, sql`select year + 1 as year from fiscal_years order by year`);
  return rows.map((r) => Number(r.year));
}

export type PlanText = { plan: string; version: number; updatedAt: Date | null };

/**
 * Section 三 as the reader's bureau wrote it (their district's; the province's own for a
 * province-level reader); an empty text at version 0 when nothing was written yet.
 */
export async function annualSummaryPlan(user: Reader, workYear: number, h: DbOrTx = db): Promise<PlanText> {
  const [row] = await h
    .select({ plan: annualSummaryPlans.plan, version: annualSummaryPlans.version, updatedAt: annualSummaryPlans.updatedAt })
    .from(annualSummaryPlans)
    .where(and(eq(annualSummaryPlans.workYear, workYear), districtActScope(user, annualSummaryPlans.districtId)));
  return row ?? { plan: "", version: 0, updatedAt: null };
}
