import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { executionPoints, gradeOf, hundredthsToText, toHundredths, totalScore } from "@/domain/evaluation";
import { toFen } from "@/domain/money";
import { AppError, type FieldMessage } from "@/server/errors";
import { evaluations, evaluationScores, evaluationTransitions, fiscalYears } from "@/server/schema";
import type { SaveSampledScoresInput } from "./schemas";
import { memberOfEvaluationGroup } from "./scope";
import type { ServiceContext } from "./service";

// A group member re-scores a sampled project line by line with an opinion, and settles the score.

/**
 * Save the reviewer's points and opinions (blank points allowed while scoring), and settle when asked:
 * every line scored and the group's opinion written; the total and grade are computed and stored.
 * The sheet is saved only at the version the reviewer loaded: a sheet someone else saved in between
 * is refused with CONFLICT and nothing of this save is written.
 */
export async function saveSampledScores(input: SaveSampledScoresInput, { db, user }: ServiceContext) {
  const [ev] = await db
    .select({
      id: evaluations.id,
      status: evaluations.status,
      year: evaluations.year,
      budgetTotal: evaluations.budgetTotal,
      executedTotal: evaluations.executedTotal,
    })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.id, input.evaluationId),
        eq(evaluations.type, "SAMPLED"),
        memberOfEvaluationGroup(user.id),
      ),
    );
  if (!ev) throw new AppError("NOT_FOUND");
  if (ev.status !== "SCORING") throw new AppError("INVALID_TRANSITION", "sampling.alreadySettled");
  const lines = await db
    .select({ id: evaluationScores.id, maxPoints: evaluationScores.maxPoints })
    .from(evaluationScores)
    .where(eq(evaluationScores.evaluationId, ev.id))
    .orderBy(asc(evaluationScores.sortOrder));
  const sent = new Map(input.lines.map((l, i) => [l.id, { ...l, index: i }]));
  if (sent.size !== lines.length || lines.some((l) => !sent.has(l.id))) {
    // The sheet changed under the form (it cannot, short of a bug or a forged post).
    throw new AppError("CONFLICT");
  }
  const errors: Record<string, FieldMessage[]> = {};
  for (const line of lines) {
    const s = sent.get(line.id)!;
    const max = toHundredths(line.maxPoints) ?? 0;
    const h = s.points === "" ? null : toHundredths(s.points);
    if (h !== null && h > max) {
      errors[`lines.${s.index}.points`] = [
        { key: "errors.sampling.overMax", values: { max: hundredthsToText(max) } },
      ];
    } else if (input.settle && h === null) {
      errors[`lines.${s.index}.points`] = ["sampling.pointsRequired"];
    }
  }
  if (input.settle && !input.summary) errors.summary = ["sampling.summaryRequired"];
  if (Object.keys(errors).length > 0) {
    throw new AppError("VALIDATION", input.settle ? "sampling.cannotSettle" : "VALIDATION", errors);
  }

  let settled: { total: string; grade: ReturnType<typeof gradeOf> } | null = null;
  if (input.settle) {
    const [year] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, ev.year));
    const exec = executionPoints(toFen(ev.budgetTotal), toFen(ev.executedTotal), year?.weightExecution ?? 10);
    const total = totalScore(
      lines.map((l) => ({ points: sent.get(l.id)!.points, maxPoints: l.maxPoints })),
      exec,
    );
    const grade = gradeOf(
      total,
      year ? { excellent: year.gradeExcellent, good: year.gradeGood, pass: year.gradePass } : undefined,
    );
    settled = { total: hundredthsToText(total), grade };
  }
  const now = new Date();
  const [row] = await db
    .update(evaluations)
    .set({
      summary: input.summary,
      version: sql`${evaluations.version} + 1`,
      updatedAt: now,
      ...(settled
        ? { status: "SETTLED" as const, totalScore: settled.total, grade: settled.grade, completedAt: now }
        : {}),
    })
    .where(
      and(
        eq(evaluations.id, ev.id),
        eq(evaluations.status, "SCORING"),
        eq(evaluations.version, input.version),
      ),
    )
    .returning({ id: evaluations.id, version: evaluations.version, status: evaluations.status });
  if (!row) throw new AppError("CONFLICT");
  for (const l of input.lines) {
    await db
      .update(evaluationScores)
      .set({ points: l.points === "" ? null : l.points, note: l.note })
      .where(and(eq(evaluationScores.id, l.id), eq(evaluationScores.evaluationId, ev.id)));
  }
  if (settled) {
    await db.insert(evaluationTransitions).values({
      evaluationId: ev.id,
      fromStatus: "SCORING",
      toStatus: "SETTLED",
      actorId: user.id,
      comment: input.summary,
    });
  }
  return { ...row, settled };
}
