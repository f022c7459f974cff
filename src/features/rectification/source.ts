import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { RectificationSource } from "@/domain/rectification";
import type { EvaluationType } from "@/domain/evaluation";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  evaluationFindings,
  evaluations,
  monitoringNotices,
  organisations,
  projects,
  samplingBatches,
  samplingFeedback,
  samplingSelections,
} from "@/server/schema";
import type { CurrentUser } from "@/server/session";

// Where an item is raised from, read from the record (never from ids the browser sent for the
// department): an evaluation's finding, a monitoring notice, or a department's sampling feedback.

const FROM_EVALUATION: Partial<Record<EvaluationType, RectificationSource>> = {
  SAMPLED: "SAMPLED",
  KEY: "KEY",
  THIRD_PARTY: "THIRD_PARTY",
  DEPT_OVERALL: "DEPT_OVERALL",
  TOWNSHIP_FISCAL: "TOWNSHIP_FISCAL",
};

export type SourceRef = { findingId?: string; noticeId?: string; feedbackId?: string };

export type ResolvedSource = {
  sourceType: RectificationSource;
  sourceId: string;
  findingId: string | null;
  departmentId: string;
  departmentName: string;
  /** The project, when the source is about one; for a feedback, the sampled projects to pick from. */
  projectId: string | null;
  projects: { id: string; code: string; name: string; unitId: string }[];
  unitId: string | null;
  /** The department's units, for naming the responsible unit. */
  units: { id: string; name: string }[];
  label: string;
  problem: string;
  requirement: string;
  deadline: string | null;
};

/** Finance admin raises for any department; a reviewer for the departments its division covers. */
async function assertRaisesFor(db: DbOrTx, user: CurrentUser, departmentId: string) {
  if (user.role === "FINANCE_ADMIN") return;
  if (user.role !== "FINANCE_REVIEWER" || !user.orgId) throw new AppError("NOT_FOUND");
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, departmentId), eq(organisations.coveringDivisionId, user.orgId)));
  if (!row) throw new AppError("NOT_FOUND");
}

async function departmentOf(db: DbOrTx, departmentId: string) {
  const [dept] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, departmentId));
  const units = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.parentId, departmentId), eq(organisations.kind, "UNIT")))
    .orderBy(organisations.sortOrder, organisations.code);
  return { name: dept?.name ?? "", units };
}

/** The source of a new item as the user may raise it, or NOT_FOUND. */
export async function resolveSource(db: DbOrTx, user: CurrentUser, ref: SourceRef): Promise<ResolvedSource> {
  if (ref.findingId) {
    const [f] = await db
      .select({
        id: evaluationFindings.id,
        problem: evaluationFindings.problem,
        requirement: evaluationFindings.requirement,
        dueDate: evaluationFindings.dueDate,
        evaluationId: evaluations.id,
        type: evaluations.type,
        status: evaluations.status,
        projectId: projects.id,
        code: projects.code,
        name: projects.name,
        unitId: projects.unitId,
        departmentId: sql<string>`coalesce(${projects.departmentId}, ${evaluations.subjectOrgId})`,
      })
      .from(evaluationFindings)
      .innerJoin(evaluations, eq(evaluations.id, evaluationFindings.evaluationId))
      .leftJoin(projects, eq(projects.id, evaluations.projectId))
      .where(eq(evaluationFindings.id, ref.findingId));
    const sourceType = f && FROM_EVALUATION[f.type];
    if (!f || !sourceType || !f.departmentId) throw new AppError("NOT_FOUND");
    await assertRaisesFor(db, user, f.departmentId);
    if (f.status !== "SETTLED") throw new AppError("INVALID_TRANSITION", "rectification.sourceNotSettled");
    const dept = await departmentOf(db, f.departmentId);
    return {
      sourceType,
      sourceId: f.evaluationId,
      findingId: f.id,
      departmentId: f.departmentId,
      departmentName: dept.name,
      projectId: f.projectId,
      projects: f.projectId ? [{ id: f.projectId, code: f.code!, name: f.name!, unitId: f.unitId! }] : [],
      unitId: f.unitId,
      units: dept.units,
      label: f.name ?? dept.name,
      problem: f.problem,
      requirement: f.requirement,
      deadline: f.dueDate,
    };
  }
  if (ref.noticeId) {
    const [n] = await db
      .select({
        id: monitoringNotices.id,
        content: monitoringNotices.content,
        dueDate: monitoringNotices.dueDate,
        projectId: projects.id,
        code: projects.code,
        name: projects.name,
        unitId: projects.unitId,
        departmentId: projects.departmentId,
      })
      .from(monitoringNotices)
      .innerJoin(projects, eq(projects.id, monitoringNotices.projectId))
      .where(eq(monitoringNotices.id, ref.noticeId));
    if (!n) throw new AppError("NOT_FOUND");
    await assertRaisesFor(db, user, n.departmentId);
    const dept = await departmentOf(db, n.departmentId);
    return {
      sourceType: "MONITORING_NOTICE",
      sourceId: n.id,
      findingId: null,
      departmentId: n.departmentId,
      departmentName: dept.name,
      projectId: n.projectId,
      projects: [{ id: n.projectId, code: n.code, name: n.name, unitId: n.unitId }],
      unitId: n.unitId,
      units: dept.units,
      label: n.name,
      problem: n.content,
      requirement: "",
      deadline: n.dueDate,
    };
  }
  if (ref.feedbackId) {
    const [fb] = await db
      .select({
        id: samplingFeedback.id,
        batchId: samplingFeedback.batchId,
        batchName: samplingBatches.name,
        departmentId: samplingFeedback.departmentId,
        status: samplingFeedback.status,
        problems: samplingFeedback.problems,
        requirements: samplingFeedback.requirements,
      })
      .from(samplingFeedback)
      .innerJoin(samplingBatches, eq(samplingBatches.id, samplingFeedback.batchId))
      .where(eq(samplingFeedback.id, ref.feedbackId));
    if (!fb) throw new AppError("NOT_FOUND");
    await assertRaisesFor(db, user, fb.departmentId);
    if (fb.status !== "PUBLISHED") throw new AppError("INVALID_TRANSITION", "rectification.sourceNotSettled");
    const [dept, sampled] = await Promise.all([
      departmentOf(db, fb.departmentId),
      db
        .select({ id: projects.id, code: projects.code, name: projects.name, unitId: projects.unitId })
        .from(samplingSelections)
        .innerJoin(projects, eq(projects.id, samplingSelections.projectId))
        .where(and(eq(samplingSelections.batchId, fb.batchId), eq(projects.departmentId, fb.departmentId)))
        .orderBy(projects.code),
    ]);
    return {
      sourceType: "SAMPLED",
      sourceId: fb.id,
      findingId: null,
      departmentId: fb.departmentId,
      departmentName: dept.name,
      projectId: null,
      projects: sampled,
      unitId: null,
      units: dept.units,
      label: fb.batchName,
      problem: fb.problems,
      requirement: fb.requirements,
      deadline: null,
    };
  }
  throw new AppError("NOT_FOUND");
}
