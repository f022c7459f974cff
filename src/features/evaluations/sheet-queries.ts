import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { TemplateCode } from "@/domain/evaluation-templates";
import type { DbOrTx } from "@/server/db";
import {
  evaluationFindings,
  evaluationOpinions,
  evaluationScores,
  evaluationTemplateItems,
  evaluationTemplates,
  evaluationTransitions,
  users,
} from "@/server/schema";

// Reads of a template-scored evaluation's parts. Callers have already checked that the user may see
// the evaluation; these read by its id only.

export type SheetLine = {
  id: string;
  level1: string;
  level2: string;
  name: string;
  guide: string;
  maxPoints: string;
  points: string | null;
  note: string;
  selfPoints: string | null;
  selfNote: string;
};

export async function sheetLines(db: DbOrTx, evaluationId: string): Promise<SheetLine[]> {
  return db
    .select({
      id: evaluationScores.id,
      level1: evaluationScores.level1,
      level2: evaluationScores.level2,
      name: evaluationScores.name,
      guide: evaluationScores.targetText,
      maxPoints: evaluationScores.maxPoints,
      points: evaluationScores.points,
      note: evaluationScores.note,
      selfPoints: evaluationScores.selfPoints,
      selfNote: evaluationScores.selfNote,
    })
    .from(evaluationScores)
    .where(eq(evaluationScores.evaluationId, evaluationId))
    .orderBy(asc(evaluationScores.sortOrder), asc(evaluationScores.id));
}

export type Finding = {
  id: string;
  problem: string;
  requirement: string;
  dueDate: string | null;
};

export async function findingsOf(db: DbOrTx, evaluationId: string): Promise<Finding[]> {
  return db
    .select({
      id: evaluationFindings.id,
      problem: evaluationFindings.problem,
      requirement: evaluationFindings.requirement,
      dueDate: evaluationFindings.dueDate,
    })
    .from(evaluationFindings)
    .where(eq(evaluationFindings.evaluationId, evaluationId))
    .orderBy(asc(evaluationFindings.sortOrder), asc(evaluationFindings.createdAt));
}

export type HistoryEntry = {
  id: string;
  fromStatus: string | null;
  toStatus: string;
  comment: string;
  actorName: string | null;
  at: Date;
};

/** The status history, oldest first, with who did each step. */
export async function historyOf(db: DbOrTx, evaluationId: string): Promise<HistoryEntry[]> {
  return db
    .select({
      id: evaluationTransitions.id,
      fromStatus: evaluationTransitions.fromStatus,
      toStatus: evaluationTransitions.toStatus,
      comment: evaluationTransitions.comment,
      actorName: users.displayName,
      at: evaluationTransitions.createdAt,
    })
    .from(evaluationTransitions)
    .leftJoin(users, eq(users.id, evaluationTransitions.actorId))
    .where(eq(evaluationTransitions.evaluationId, evaluationId))
    .orderBy(asc(evaluationTransitions.createdAt), asc(evaluationTransitions.id));
}

export async function opinionsOf(db: DbOrTx, evaluationId: string) {
  return db
    .select({
      id: evaluationOpinions.id,
      body: evaluationOpinions.body,
      authorName: users.displayName,
      at: evaluationOpinions.createdAt,
    })
    .from(evaluationOpinions)
    .innerJoin(users, eq(users.id, evaluationOpinions.authorId))
    .where(eq(evaluationOpinions.evaluationId, evaluationId))
    .orderBy(asc(evaluationOpinions.createdAt));
}

/** A year's template with its lines, or null when the year has none of that code. */
export async function templateWithItems(db: DbOrTx, year: number, code: TemplateCode) {
  const [template] = await db
    .select()
    .from(evaluationTemplates)
    .where(and(eq(evaluationTemplates.year, year), eq(evaluationTemplates.code, code)));
  if (!template) return null;
  const items = await db
    .select()
    .from(evaluationTemplateItems)
    .where(eq(evaluationTemplateItems.templateId, template.id))
    .orderBy(asc(evaluationTemplateItems.sortOrder));
  return { ...template, items };
}
