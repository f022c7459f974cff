import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  executionPoints,
  gradeOf,
  hundredthsToText,
  toHundredths,
  totalScore,
  type EvaluationStatus,
  type GradeCutoffs,
} from "@/domain/evaluation";
import { toFen } from "@/domain/money";
import type { DbOrTx } from "@/server/db";
import { AppError, type FieldMessage } from "@/server/errors";
import { lockYear } from "@/server/locks";
import {
  evaluationRounds,
  evaluations,
  evaluationScores,
  evaluationTransitions,
  fiscalYears,
  projects,
} from "@/server/schema";
import { coveredBy, coveringRecords, creatingDistrictId, projectScope } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { EDITABLE_STATUSES, reviewTransition, transitionByName, type Transition } from "./flow";
import type { OpenRoundInput, ReviewEvaluationInput, SaveEvaluationInput } from "./schemas";

export type ServiceContext = { db: DbOrTx; user: CurrentUser };

export type YearRules = { cutoffs: GradeCutoffs; executionWeight: number };

export async function yearRules(db: DbOrTx, year: number): Promise<YearRules> {
  const [row] = await db
    .select({
      excellent: fiscalYears.gradeExcellent,
      good: fiscalYears.gradeGood,
      pass: fiscalYears.gradePass,
      executionWeight: fiscalYears.weightExecution,
    })
    .from(fiscalYears)
    .where(eq(fiscalYears.year, year));
  return {
    cutoffs: { excellent: row?.excellent ?? 90, good: row?.good ?? 80, pass: row?.pass ?? 60 },
    executionWeight: row?.executionWeight ?? 10,
  };
}

/** A self-evaluation the user may see (through its project's scope), or NOT_FOUND. */
export async function scopedEvaluation(db: DbOrTx, user: CurrentUser, evaluationId: string) {
  const [row] = await db
    .select({
      id: evaluations.id,
      projectId: evaluations.projectId,
      year: evaluations.year,
      status: evaluations.status,
      version: evaluations.version,
    })
    .from(evaluations)
    .innerJoin(projects, eq(projects.id, evaluations.projectId))
    .where(and(eq(evaluations.id, evaluationId), eq(evaluations.type, "SELF"), projectScope(user)));
  if (!row) throw new AppError("NOT_FOUND");
  return { ...row, projectId: row.projectId! };
}

/**
 * 开启自评: a district's finance opens the self-evaluation of a budget year with a due date. Every
 * project of the district and year gets a DRAFT self-evaluation whose lines copy the indicators of its
 * latest approved target sheet, and whose 全年预算数 and 执行数 start from the project's figures. A
 * province-level administrator opens the province's own round, for every district's projects: a year
 * has either that round or its districts' own, never both.
 */
export async function openRound(input: OpenRoundInput, { db, user }: ServiceContext) {
  const [year] = await db
    .select({ year: fiscalYears.year })
    .from(fiscalYears)
    .where(eq(fiscalYears.year, input.year));
  if (!year) throw new AppError("VALIDATION", "VALIDATION", { year: ["fiscalYearUnknown"] });
  const districtId = creatingDistrictId(user);
  // Two administrators opening at once (the province and a district, or two of one district): the
  // second waits here for the first to commit, then finds its round below.
  await lockYear(db, "selfRound", input.year);
  const roundExists = () =>
    new AppError("VALIDATION", "VALIDATION", { year: ["selfEvaluation.roundExists"] });
  // The district's own or the province's round of the year (for the province: any district's).
  const [existing] = await db
    .select({ id: evaluationRounds.id })
    .from(evaluationRounds)
    .where(
      and(
        eq(evaluationRounds.type, "SELF"),
        eq(evaluationRounds.year, input.year),
        districtId ? coveringRecords(districtId, evaluationRounds.districtId) : undefined,
      ),
    )
    .limit(1);
  if (existing) throw roundExists();
  const [round] = await db
    .insert(evaluationRounds)
    .values({ type: "SELF", year: input.year, districtId, dueDate: input.dueDate, openedBy: user.id })
    .onConflictDoNothing()
    .returning({ id: evaluationRounds.id });
  if (!round) throw roundExists();
  const covered = coveredBy(districtId, projects.districtId);
  const created = await db.execute(sql`
    insert into evaluations (type, year, project_id, status, budget_total, executed_total)
    select 'SELF', ${projects.year}, ${projects.id}, 'DRAFT',
           budget_current + budget_carryover + budget_other,
           executed_current + executed_carryover + executed_other
    from ${projects}
    where ${projects.year} = ${input.year} and ${covered}
      and not exists (select 1 from evaluations e where e.type = 'SELF' and e.project_id = ${projects.id})
    returning id`);
  const ids = (created as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  await db.execute(sql`
    insert into evaluation_scores
      (evaluation_id, target_indicator_id, level1, level2, name, target_text, max_points, sort_order)
    select e.id, i.id, i.level1::text, i.level2::text, i.name,
           case i.operator when 'GTE' then '≥' when 'LTE' then '≤' when 'EQ' then '=' else '' end
             || i.target_value || i.unit,
           i.points, i.sort_order
    from evaluations e
    join lateral (
      select s.id from target_sheets s
      where s.project_id = e.project_id and s.status = 'APPROVED'
      order by s.version_no desc limit 1
    ) s on true
    join target_indicators i on i.sheet_id = s.id
    where e.type = 'SELF' and e.year = ${input.year} and e.status = 'DRAFT'
      and e.project_id in (select ${projects.id} from ${projects} where ${projects.year} = ${input.year} and ${covered})
      and not exists (select 1 from evaluation_scores x where x.evaluation_id = e.id)`);
  if (ids.length)
    await db.insert(evaluationTransitions).values(
      ids.map((evaluationId) => ({
        evaluationId,
        fromStatus: null,
        toStatus: "DRAFT" as const,
        actorId: user.id,
      })),
    );
  return { roundId: round.id, year: input.year, created: ids.length };
}

type LineError = Record<string, FieldMessage[]>;

/** Write the unit's figures for an evaluation's lines in one statement (never another evaluation's lines). */
export async function writeLines(
  db: DbOrTx,
  evaluationId: string,
  lines: { id: string; actualValue: string; points: string; note: string }[],
) {
  if (!lines.length) return;
  const values = sql.join(
    lines.map((l) => sql`(${l.id}::uuid, ${l.actualValue}, ${l.points || null}::numeric, ${l.note})`),
    sql`, `,
  );
  await db.execute(sql`
    update evaluation_scores s set actual_value = v.actual_value, points = v.points, note = v.note
    from (values ${values}) as v(id, actual_value, points, note)
    where s.id = v.id and s.evaluation_id = ${evaluationId}`);
}

/** Save the unit's figures and every line. Only a DRAFT or RETURNED evaluation, only at its version. */
export async function saveEvaluation(input: SaveEvaluationInput, { db, user }: ServiceContext) {
  const ev = await scopedEvaluation(db, user, input.evaluationId);
  if (user.role !== "DEPT_FILER") throw new AppError("FORBIDDEN");
  if (!EDITABLE_STATUSES.includes(ev.status)) throw new AppError("INVALID_TRANSITION");
  if (ev.version !== input.version) throw new AppError("CONFLICT");
  const stored = await db
    .select({
      id: evaluationScores.id,
      maxPoints: evaluationScores.maxPoints,
      points: evaluationScores.points,
    })
    .from(evaluationScores)
    .where(eq(evaluationScores.evaluationId, ev.id))
    .orderBy(evaluationScores.sortOrder);
  const byId = new Map(input.lines.map((l) => [l.id, l]));
  const errors: LineError = {};
  stored.forEach((s, i) => {
    const line = byId.get(s.id);
    const earned = line?.points ? toHundredths(line.points) : null;
    const max = toHundredths(s.maxPoints) ?? 0;
    if (earned !== null && earned > max)
      errors[`lines.${i}.points`] = [
        { key: "errors.selfEvaluation.pointsOverMax", values: { max: hundredthsToText(max) } },
      ];
  });
  if (input.lines.some((l) => !stored.some((s) => s.id === l.id))) throw new AppError("NOT_FOUND");
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "VALIDATION", errors);

  const [row] = await db
    .update(evaluations)
    .set({
      budgetTotal: input.budgetTotal || null,
      executedTotal: input.executedTotal || null,
      summary: input.summary,
      improvement: input.improvement,
      filedBy: user.id,
      version: sql`${evaluations.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(evaluations.id, ev.id),
        eq(evaluations.version, input.version),
        inArray(evaluations.status, [...EDITABLE_STATUSES]),
      ),
    )
    .returning({ id: evaluations.id, version: evaluations.version, status: evaluations.status });
  if (!row) throw new AppError("CONFLICT");
  await writeLines(db, ev.id, input.lines);
  // Every line as stored now: the ones sent as written by writeLines, the others as they were.
  const scores = stored.map((s) => {
    const line = byId.get(s.id);
    return { maxPoints: s.maxPoints, points: line ? line.points || null : s.points };
  });
  return { ...row, projectId: ev.projectId, year: ev.year, lines: input.lines.length, scores };
}

/** The one way a self-evaluation changes status: only from where the caller saw it, else CONFLICT. */
export async function transitionEvaluation(
  db: DbOrTx,
  user: CurrentUser,
  ev: { id: string; status: EvaluationStatus; version: number },
  transition: Transition,
  comment: string,
  extra: Partial<typeof evaluations.$inferInsert> = {},
) {
  if (!transition.roles.includes(user.role)) throw new AppError("FORBIDDEN");
  if (!transition.from.includes(ev.status)) throw new AppError("INVALID_TRANSITION");
  if (transition.commentRequired && !comment.trim())
    throw new AppError("VALIDATION", "VALIDATION", { comment: ["selfEvaluation.commentRequired"] });
  const now = new Date();
  const [row] = await db
    .update(evaluations)
    .set({
      ...extra,
      status: transition.to,
      version: sql`${evaluations.version} + 1`,
      updatedAt: now,
      ...(transition.to === "SUBMITTED" ? { submittedAt: now } : {}),
      ...(transition.to === "RECEIVED" ? { completedAt: now } : {}),
    })
    .where(
      and(eq(evaluations.id, ev.id), eq(evaluations.status, ev.status), eq(evaluations.version, ev.version)),
    )
    .returning({ id: evaluations.id, version: evaluations.version, status: evaluations.status });
  if (!row) throw new AppError("CONFLICT");
  await db.insert(evaluationTransitions).values({
    evaluationId: ev.id,
    fromStatus: ev.status,
    toStatus: transition.to,
    actorId: user.id,
    comment: comment.trim(),
  });
  return { ...row, from: ev.status, transition: transition.name, comment: comment.trim() };
}

/** 提交: save what the filer sees, check it is complete, compute and store the total and grade. */
export async function submitEvaluation(input: SaveEvaluationInput, ctx: ServiceContext) {
  const saved = await saveEvaluation(input, ctx);
  const lines = saved.scores;
  const errors: LineError = {};
  if (!lines.length) throw new AppError("VALIDATION", "selfEvaluation.noTargets");
  lines.forEach((l, i) => {
    if (l.points === null) errors[`lines.${i}.points`] = ["selfEvaluation.pointsRequired"];
  });
  if (!input.budgetTotal || toFen(input.budgetTotal) <= 0n)
    errors.budgetTotal = ["selfEvaluation.budgetRequired"];
  if (!input.executedTotal) errors.executedTotal = ["selfEvaluation.executedRequired"];
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "VALIDATION", errors);
  const rules = await yearRules(ctx.db, saved.year);
  const exec = executionPoints(toFen(input.budgetTotal), toFen(input.executedTotal), rules.executionWeight);
  const total = totalScore(
    lines.map((l) => ({ points: String(l.points), maxPoints: String(l.maxPoints) })),
    exec,
  );
  const moved = await transitionEvaluation(
    ctx.db,
    ctx.user,
    { id: saved.id, status: saved.status, version: saved.version },
    transitionByName("submit"),
    "",
    { totalScore: hundredthsToText(total), grade: gradeOf(total, rules.cutoffs) },
  );
  return {
    ...moved,
    projectId: saved.projectId,
    total: hundredthsToText(total),
    grade: gradeOf(total, rules.cutoffs),
  };
}

/** 审核: the department approves or returns; finance receives or returns (a return needs a reason). */
export async function reviewEvaluation(input: ReviewEvaluationInput, { db, user }: ServiceContext) {
  const ev = await scopedEvaluation(db, user, input.evaluationId);
  if (ev.version !== input.version) throw new AppError("CONFLICT");
  const transition = reviewTransition(ev.status, user.role, input.decision);
  if (!transition) throw new AppError("INVALID_TRANSITION");
  const moved = await transitionEvaluation(db, user, ev, transition, input.comment);
  return { ...moved, projectId: ev.projectId };
}
