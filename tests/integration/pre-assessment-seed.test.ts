import { and, eq, notInArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { deptReviewDefinition, runDeptReview } from "@/features/pre-assessment/definitions";
import { getPreAssessmentDetail, listGroups, listYear, yearTotals } from "@/features/pre-assessment/queries";
import { formatYearTotals } from "@/features/pre-assessment/rules";
import { needsPreAssessment } from "@/features/years/pre-assessment-rule";
import { runAction } from "@/server/action-client";
import { db } from "@/server/db";
import {
  expertGroupMembers,
  expertGroupProjects,
  expertGroups,
  expertReviews,
  preAssessments,
  projects,
} from "@/server/schema";
import { orgIds } from "@/server/seed/seed";
import { catalogTranslator, failure } from "../factories/messages";
import { signedIn } from "../factories/users";

let t: (key: string) => string;
beforeAll(async () => {
  t = await catalogTranslator();
});

describe("the seeded 2021 re-evaluation for the 2022 budget (SPEC §10)", () => {
  it("shows 68 projects, 43.52 亿元 requested, 7.13 亿元 cut, 16.39%", async () => {
    const totals = await yearTotals(await signedIn("finance_admin"), 2022);
    expect(formatYearTotals(totals)).toEqual({
      projects: "68",
      requestedYi: "43.52",
      cutYi: "7.13",
      cutRate: "16.39",
    });
  });

  it("has every re-evaluated project concluded with support, reviewed by all three experts of its group", async () => {
    const rows = await db
      .select({ stage: projects.stage, conclusion: preAssessments.conclusion, project: projects })
      .from(expertGroupProjects)
      .innerJoin(expertGroups, eq(expertGroups.id, expertGroupProjects.groupId))
      .innerJoin(projects, eq(projects.id, expertGroupProjects.projectId))
      .innerJoin(preAssessments, eq(preAssessments.projectId, projects.id))
      .where(eq(expertGroups.year, 2022));
    expect(rows.length).toBe(68);
    for (const r of rows) {
      expect(["TARGET_SETTING", "BUDGETED"]).toContain(r.stage);
      expect(["SUPPORT", "SUPPORT_ADJUSTED"]).toContain(r.conclusion);
      expect(needsPreAssessment(r.project, "3000000")).toBe(true);
      const reviews = await db
        .select()
        .from(expertReviews)
        .where(and(eq(expertReviews.projectId, r.project.id), eq(expertReviews.submitted, true)));
      expect(reviews.length).toBe(3);
    }
    const expert = await signedIn("expert");
    const mine = await db.select().from(expertGroupMembers).where(eq(expertGroupMembers.expertId, expert.id));
    expect(mine.length).toBeGreaterThanOrEqual(1);
  });

  it("leaves dept_filer a project with no pre-assessment and dept_approver one awaiting approval", async () => {
    const filerList = await listYear(await signedIn("dept_filer"), {
      year: 2022,
      status: "MISSING",
      page: 1,
    });
    expect(filerList.missing).toBeGreaterThanOrEqual(1);
    const approverList = await listYear(await signedIn("dept_approver"), {
      year: 2022,
      status: "SUBMITTED",
      page: 1,
    });
    expect(approverList.rows.length).toBeGreaterThanOrEqual(1);
    expect(approverList.rows.every((r) => r.departmentName === "区科技局")).toBe(true);
  });

  it("keeps dept_filer2 away from a 区科技局 pre-assessment (not found, nothing changes)", async () => {
    const [target] = await db
      .select({ pa: preAssessments })
      .from(preAssessments)
      .innerJoin(projects, eq(projects.id, preAssessments.projectId))
      .where(and(eq(projects.departmentId, orgIds.department("D03")), eq(preAssessments.status, "SUBMITTED")))
      .limit(1);
    const outsider = await signedIn("dept_filer2");
    expect(await getPreAssessmentDetail(outsider, target!.pa.projectId)).toBeNull();
    const result = failure(
      await runAction(deptReviewDefinition, runDeptReview, {
        user: await signedIn("approver_d01"),
        raw: { id: target!.pa.id, version: target!.pa.version, decision: "approve" },
        meta: { ip: null, userAgent: null },
        t,
      }),
    );
    expect(result.code).toBe("NOT_FOUND");
    const [after] = await db.select().from(preAssessments).where(eq(preAssessments.id, target!.pa.id));
    expect(after).toEqual(target!.pa);
  });

  it("lets an expert read only the projects of their groups", async () => {
    const expert = await signedIn("expert");
    const groups = await listGroups(expert, 2022);
    expect(groups.length).toBeGreaterThanOrEqual(1);
    const mineIds = groups.flatMap((g) => g.projects.map((p) => p.projectId));
    expect(await getPreAssessmentDetail(expert, mineIds[0]!)).not.toBeNull();
    const [foreign] = await db
      .select({ projectId: expertGroupProjects.projectId })
      .from(expertGroupProjects)
      .where(
        notInArray(
          expertGroupProjects.groupId,
          groups.map((g) => g.id),
        ),
      )
      .limit(1);
    expect(await getPreAssessmentDetail(expert, foreign!.projectId)).toBeNull();
    expect((await listYear(expert, { year: 2022, page: 1 })).total).toBe(0);
  });
});
