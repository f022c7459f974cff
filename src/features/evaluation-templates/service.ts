import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { templateKindOf, templateProblems, TEMPLATE_DIMENSIONS } from "@/domain/evaluation-templates";
import type { DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { evaluationTemplateItems, evaluationTemplates } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { problemMessages } from "./rules";
import type { SaveTemplateInput } from "./schemas";

type Ctx = { db: DbOrTx; user: Pick<CurrentUser, "id"> };

/**
 * Replace a template's lines with the posted ones, all or nothing: every line valid for the
 * template's kind, 100 points in all, 产出 + 效益 ≥ 60% on a project template; only at the version the
 * editor loaded (CONFLICT otherwise). Evaluations already created keep the lines they copied.
 */
export async function saveTemplate(input: SaveTemplateInput, { db, user }: Ctx) {
  const [t] = await db.select().from(evaluationTemplates).where(eq(evaluationTemplates.id, input.templateId));
  if (!t) throw new AppError("NOT_FOUND");
  if (t.version !== input.version) throw new AppError("CONFLICT");
  const kind = templateKindOf(t.code);
  const problems = templateProblems(kind, input.lines);
  if (problems.length)
    throw new AppError("VALIDATION", "evaluationTemplates.cannotSave", problemMessages(problems));
  const [row] = await db
    .update(evaluationTemplates)
    .set({ version: sql`${evaluationTemplates.version} + 1`, updatedBy: user.id, updatedAt: new Date() })
    .where(and(eq(evaluationTemplates.id, t.id), eq(evaluationTemplates.version, input.version)))
    .returning({ id: evaluationTemplates.id, version: evaluationTemplates.version });
  if (!row) throw new AppError("CONFLICT");
  await db.delete(evaluationTemplateItems).where(eq(evaluationTemplateItems.templateId, t.id));
  await db.insert(evaluationTemplateItems).values(
    input.lines.map((l, i) => ({
      templateId: t.id,
      level1: l.level1,
      level2: l.level2,
      name: l.name,
      maxPoints: l.maxPoints,
      guide: l.guide,
      sortOrder: i,
    })),
  );
  return {
    ...row,
    year: t.year,
    code: t.code,
    kind,
    lines: input.lines.length,
    dimensions: TEMPLATE_DIMENSIONS[kind],
  };
}

/**
 * A new year starts with the previous year's templates (finance edits them from there). Templates the
 * new year already has are left alone; returns the codes copied.
 */
export async function copyTemplatesToYear(db: DbOrTx, from: number, to: number, actorId: string) {
  const copied = await db.execute(sql`
    insert into evaluation_templates (year, code, name, updated_by)
    select ${to}, code, name, ${actorId}::uuid from evaluation_templates where year = ${from}
    on conflict (year, code) do nothing
    returning id, code`);
  const rows = (copied as unknown as { rows: { id: string; code: string }[] }).rows;
  if (rows.length) {
    await db.execute(sql`
      insert into evaluation_template_items (template_id, level1, level2, name, max_points, guide, sort_order)
      select n.id, i.level1, i.level2, i.name, i.max_points, i.guide, i.sort_order
      from evaluation_templates n
      join evaluation_templates o on o.year = ${from} and o.code = n.code
      join evaluation_template_items i on i.template_id = o.id
      where n.year = ${to} and n.id in (${sql.join(
        rows.map((r) => sql`${r.id}::uuid`),
        sql`, `,
      )})`);
  }
  return rows.map((r) => r.code);
}
