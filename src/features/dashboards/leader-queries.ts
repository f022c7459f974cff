import "server-only";
import { sql } from "drizzle-orm";
import type { EvaluationType, Grade } from "@/domain/evaluation";
import { cachedAggregate } from "@/server/aggregate-cache";
import { db, queryRows } from "@/server/db";
import { districtOrgIds, projectScope, scopeKey } from "@/server/scope";
import type { CurrentUser } from "@/server/session";

type Reader = Pick<CurrentUser, "role" | "orgId" | "districtId" | "provinceWide">;

export type GradeRow = { type: EvaluationType } & Record<Grade, number>;

// Completed: a self-evaluation once filed (its grade is computed on submit); any other type once settled.
const COMPLETED =
  sql.raw(`(case when e.type = 'SELF' then e.status in ('SUBMITTED', 'DEPT_APPROVED', 'RECEIVED')
  else e.status = 'SETTLED' end)`);

/**
 * Grades of the year's completed evaluations by type. Project evaluations follow the project scope;
 * department-wide and township evaluations (subject an organisation) show to district-wide readers.
 */
export async function gradeDistribution(user: Reader, year: number): Promise<GradeRow[]> {
  return cachedAggregate("dashboards.gradeDistribution", [scopeKey(user), year], async () => {
    const districtWide = user.role === "FINANCE_ADMIN" || user.role === "LEADER";
    return queryRows<GradeRow>(
      db,
      sql`select e.type,
            count(*) filter (where e.grade = 'EXCELLENT')::int as "EXCELLENT",
            count(*) filter (where e.grade = 'GOOD')::int as "GOOD",
            count(*) filter (where e.grade = 'PASS')::int as "PASS",
            count(*) filter (where e.grade = 'FAIL')::int as "FAIL"
          from evaluations e
          left join projects on projects.id = e.project_id
          where e.year = ${year} and ${COMPLETED} and e.grade is not null
            and (case when e.project_id is null then ${districtWide ? sql`e.subject_org_id in ${districtOrgIds(user)}` : sql`false`} else ${projectScope(user)} end)
          group by e.type
          order by array_position(array['SELF','SAMPLED','KEY','THIRD_PARTY','DEPT_OVERALL','TOWNSHIP_FISCAL']::text[], e.type::text)`,
    );
  });
}

export type PreAssessmentTrendRow = {
  year: number;
  projects: number;
  requested: string;
  recommended: string;
};

/** 财政再评估 per budget year: concluded pre-assessments an expert group re-evaluated, oldest first. */
export async function preAssessmentTrend(user: Reader): Promise<PreAssessmentTrendRow[]> {
  return cachedAggregate("dashboards.preAssessmentTrend", [scopeKey(user)], async () => {
    return queryRows<PreAssessmentTrendRow>(
      db,
      sql`select fy.year,
            count(pa.id)::int as projects,
            coalesce(sum(projects.requested_amount) filter (where pa.id is not null), 0)::numeric(18,2)::text as requested,
            coalesce(sum(pa.recommended_amount), 0)::numeric(18,2)::text as recommended
          from fiscal_years fy
          left join projects on projects.year = fy.year and ${projectScope(user)}
            and exists (select 1 from expert_group_projects g where g.project_id = projects.id)
          left join pre_assessments pa on pa.project_id = projects.id and pa.status = 'CONCLUDED'
          group by fy.year
          order by fy.year`,
    );
  });
}
