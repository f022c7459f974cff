import "server-only";
import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import {
  gradeOf,
  hundredthsToText,
  toHundredths,
  totalScore,
  type EvaluationStatus,
  type EvaluationType,
  type Grade,
} from "@/domain/evaluation";
import type { TemplateCode } from "@/domain/evaluation-templates";
import type { DbOrTx } from "@/server/db";
import { AppError, type FieldMessage } from "@/server/errors";
import {
  evaluationFindings,
  evaluations,
  evaluationScores,
  evaluationTemplateItems,
  evaluationTemplates,
  evaluationTransitions,
  fiscalYears,
} from "@/server/schema";

// The score sheet machinery shared by the evaluations scored against a template (key, third-party,
// department-wide, township): create from the year's template, save a column of points with the
// version check, total and grade, findings, and the status history. Each module decides who may call
// these and when; these functions trust that and only keep the sheet consistent.

/** The year's template of that code, or NOT_FOUND when finance has not set one up. */
export async function templateFor(db: DbOrTx, year: number, code: TemplateCode) {
  const [t] = await db
    .select()
    .from(evaluationTemplates)
    .where(and(eq(evaluationTemplates.year, year), eq(evaluationTemplates.code, code)));
  if (!t) throw new AppError("VALIDATION", "evaluations.noTemplate");
  return t;
}

export type NewEvaluation = {
  type: EvaluationType;
  year: number;
  projectId?: string | null;
  subjectOrgId?: string | null;
  templateId: string;
  dueDate?: string | null;
  budgetTotal?: string | null;
  executedTotal?: string | null;
  status?: EvaluationStatus;
  createdBy: string;
};

/**
 * Create an evaluation with the template's lines copied into its sheet (评分标准 as the line's target
 * text), and its first history entry. A second evaluation of the same type and subject is refused.
 */
export async function createFromTemplate(db: DbOrTx, input: NewEvaluation) {
  const status = input.status ?? "DRAFT";
  const [ev] = await db
    .insert(evaluations)
    .values({
      type: input.type,
      year: input.year,
      projectId: input.projectId ?? null,
      subjectOrgId: input.subjectOrgId ?? null,
      templateId: input.templateId,
      dueDate: input.dueDate ?? null,
      budgetTotal: input.budgetTotal ?? null,
      executedTotal: input.executedTotal ?? null,
      status,
      createdBy: input.createdBy,
    })
    .onConflictDoNothing()
    .returning({ id: evaluations.id });
  if (!ev) throw new AppError("VALIDATION", "evaluations.alreadyExists");
  await db.execute(sql`
    insert into evaluation_scores (evaluation_id, level1, level2, name, target_text, max_points, sort_order)
    select ${ev.id}::uuid, level1, level2, name, guide, max_points, sort_order
    from ${evaluationTemplateItems} where template_id = ${input.templateId}`);
  await db.insert(evaluationTransitions).values({
    evaluationId: ev.id,
    fromStatus: null,
    toStatus: status,
    actorId: input.createdBy,
  });
  return ev;
}

export type SheetColumn = "points" | "selfPoints";
export type SentLine = { id: string; points: string; note: string };

/**
 * Check the posted lines against the sheet: the same lines, each score a number within its maximum,
 * and (when `complete`) none blank. Field errors are keyed `lines.<index>.points`.
 */
export async function checkLines(
  db: DbOrTx,
  evaluationId: string,
  sent: SentLine[],
  complete: boolean,
): Promise<{ maxPoints: string; points: string }[]> {
  const lines = await db
    .select({ id: evaluationScores.id, maxPoints: evaluationScores.maxPoints })
    .from(evaluationScores)
    .where(eq(evaluationScores.evaluationId, evaluationId))
    .orderBy(asc(evaluationScores.sortOrder), asc(evaluationScores.id));
  const byId = new Map(sent.map((l, index) => [l.id, { ...l, index }]));
  if (byId.size !== lines.length || lines.some((l) => !byId.has(l.id))) throw new AppError("CONFLICT");
  const errors: Record<string, FieldMessage[]> = {};
  for (const line of lines) {
    const s = byId.get(line.id)!;
    const max = toHundredths(line.maxPoints) ?? 0;
    const key = `lines.${s.index}.points`;
    if (s.points === "") {
      if (complete) errors[key] = ["evaluations.pointsRequired"];
      continue;
    }
    const h = toHundredths(s.points);
    if (h === null) errors[key] = ["evaluations.pointsNumber"];
    else if (h > max) errors[key] = [{ key: "errors.evaluations.overMax", values: { max: line.maxPoints } }];
  }
  if (Object.keys(errors).length > 0) {
    throw new AppError("VALIDATION", complete ? "evaluations.cannotSubmit" : "VALIDATION", errors);
  }
  return lines.map((l) => ({ maxPoints: l.maxPoints, points: byId.get(l.id)!.points }));
}

/** Write one column of points and its notes in one statement (never another evaluation's lines). */
export async function writeSheetColumn(
  db: DbOrTx,
  evaluationId: string,
  column: SheetColumn,
  sent: SentLine[],
) {
  if (!sent.length) return;
  const values = sql.join(
    sent.map((l) => sql`(${l.id}::uuid, ${l.points || null}::numeric, ${l.note})`),
    sql`, `,
  );
  const set =
    column === "points"
      ? sql`points = v.points, note = v.note`
      : sql`self_points = v.points, self_note = v.note`;
  await db.execute(sql`
    update evaluation_scores s set ${set}
    from (values ${values}) as v(id, points, note)
    where s.id = v.id and s.evaluation_id = ${evaluationId}`);
}

/** The total (hundredths) of a checked sheet and its grade under the year's cut-offs. */
export async function gradeSheet(
  db: DbOrTx,
  year: number,
  lines: { maxPoints: string; points: string }[],
): Promise<{ total: string; grade: Grade }> {
  const total = totalScore(lines, 0);
  const [y] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, year));
  const grade = gradeOf(
    total,
    y ? { excellent: y.gradeExcellent, good: y.gradeGood, pass: y.gradePass } : undefined,
  );
  return { total: hundredthsToText(total), grade };
}

/**
 * Move an evaluation from one status to another at the version the user loaded, with the extra
 * columns given, and record the step. CONFLICT when someone else moved or saved it in between.
 */
export async function moveEvaluation(
  db: DbOrTx,
  args: {
    evaluationId: string;
    from: EvaluationStatus | EvaluationStatus[];
    to: EvaluationStatus;
    version: number;
    actorId: string;
    comment?: string;
    set?: Partial<typeof evaluations.$inferInsert>;
  },
) {
  const from = Array.isArray(args.from) ? args.from : [args.from];
  const [before] = await db
    .select({ status: evaluations.status })
    .from(evaluations)
    .where(eq(evaluations.id, args.evaluationId));
  if (!before || !from.includes(before.status)) throw new AppError("INVALID_TRANSITION");
  const [row] = await db
    .update(evaluations)
    .set({ ...args.set, status: args.to, version: sql`${evaluations.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(evaluations.id, args.evaluationId),
        eq(evaluations.status, before.status),
        eq(evaluations.version, args.version),
      ),
    )
    .returning({ id: evaluations.id, version: evaluations.version, status: evaluations.status });
  if (!row) throw new AppError("CONFLICT");
  if (before.status !== args.to || args.comment) {
    await db.insert(evaluationTransitions).values({
      evaluationId: args.evaluationId,
      fromStatus: before.status,
      toStatus: args.to,
      actorId: args.actorId,
      comment: args.comment ?? "",
    });
  }
  return { ...row, from: before.status };
}

/** Save a sheet's text fields and bump its version without a status change; CONFLICT if stale. */
export async function touchEvaluation(
  db: DbOrTx,
  evaluationId: string,
  version: number,
  set: Partial<typeof evaluations.$inferInsert>,
) {
  const [row] = await db
    .update(evaluations)
    .set({ ...set, version: sql`${evaluations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(evaluations.id, evaluationId), eq(evaluations.version, version)))
    .returning({ id: evaluations.id, version: evaluations.version, status: evaluations.status });
  if (!row) throw new AppError("CONFLICT");
  return row;
}

export type FindingInput = { id?: string; problem: string; requirement: string; dueDate: string | null };

/**
 * Make an evaluation's findings (问题 and 整改要求) the posted list, in its order: posted ids are
 * updated in place (a rectification item raised from one keeps pointing at it), new ones inserted,
 * the rest removed.
 */
export async function replaceFindings(
  db: DbOrTx,
  evaluationId: string,
  findings: FindingInput[],
  actorId: string,
) {
  const kept = findings.filter((f) => f.id).map((f) => f.id!);
  await db
    .delete(evaluationFindings)
    .where(
      and(
        eq(evaluationFindings.evaluationId, evaluationId),
        kept.length ? notInArray(evaluationFindings.id, kept) : undefined,
      ),
    );
  for (const [i, f] of findings.entries()) {
    const values = { problem: f.problem, requirement: f.requirement, dueDate: f.dueDate, sortOrder: i };
    if (f.id) {
      await db
        .update(evaluationFindings)
        .set(values)
        .where(and(eq(evaluationFindings.id, f.id), eq(evaluationFindings.evaluationId, evaluationId)));
    } else {
      await db.insert(evaluationFindings).values({ ...values, evaluationId, createdBy: actorId });
    }
  }
}
