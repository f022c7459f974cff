import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { outputEffectShare, pointsByDimension, TEMPLATE_CODES } from "@/domain/evaluation-templates";
import { db } from "@/server/db";
import { evaluationTemplateItems, evaluationTemplates, fiscalYears, users } from "@/server/schema";

export async function templateYears(): Promise<number[]> {
  const rows = await db.select({ year: fiscalYears.year }).from(fiscalYears).orderBy(desc(fiscalYears.year));
  return rows.map((r) => r.year);
}

export type TemplateSummary = {
  id: string;
  code: (typeof TEMPLATE_CODES)[number];
  name: string;
  version: number;
  updatedAt: Date;
  updatedByName: string | null;
  lines: number;
  /** Points by first-level dimension, in hundredths. */
  byDimension: Record<string, number>;
  total: number;
  /** 产出 + 效益 share in hundredths of a percent (project templates). */
  share: number;
};

/** A year's templates in the order of TEMPLATE_CODES, with their dimension subtotals. */
export async function listTemplates(year: number): Promise<TemplateSummary[]> {
  const templates = await db
    .select({
      id: evaluationTemplates.id,
      code: evaluationTemplates.code,
      name: evaluationTemplates.name,
      version: evaluationTemplates.version,
      updatedAt: evaluationTemplates.updatedAt,
      updatedByName: users.displayName,
    })
    .from(evaluationTemplates)
    .leftJoin(users, eq(users.id, evaluationTemplates.updatedBy))
    .where(eq(evaluationTemplates.year, year));
  if (!templates.length) return [];
  const items = await db
    .select({
      templateId: evaluationTemplateItems.templateId,
      level1: evaluationTemplateItems.level1,
      maxPoints: evaluationTemplateItems.maxPoints,
    })
    .from(evaluationTemplateItems)
    .where(
      inArray(
        evaluationTemplateItems.templateId,
        templates.map((t) => t.id),
      ),
    );
  return templates
    .map((t) => {
      const lines = items.filter((i) => i.templateId === t.id);
      const by = pointsByDimension(lines);
      return {
        ...t,
        lines: lines.length,
        byDimension: Object.fromEntries(by),
        total: [...by.values()].reduce((a, b) => a + b, 0),
        share: outputEffectShare(lines),
      };
    })
    .sort((a, b) => TEMPLATE_CODES.indexOf(a.code) - TEMPLATE_CODES.indexOf(b.code));
}

/** One template with its lines in order, or null. */
export async function getTemplate(id: string) {
  const [template] = await db
    .select({
      id: evaluationTemplates.id,
      year: evaluationTemplates.year,
      code: evaluationTemplates.code,
      name: evaluationTemplates.name,
      version: evaluationTemplates.version,
      updatedAt: evaluationTemplates.updatedAt,
      updatedByName: users.displayName,
    })
    .from(evaluationTemplates)
    .leftJoin(users, eq(users.id, evaluationTemplates.updatedBy))
    .where(eq(evaluationTemplates.id, id));
  if (!template) return null;
  const items = await db
    .select({
      id: evaluationTemplateItems.id,
      level1: evaluationTemplateItems.level1,
      level2: evaluationTemplateItems.level2,
      name: evaluationTemplateItems.name,
      maxPoints: evaluationTemplateItems.maxPoints,
      guide: evaluationTemplateItems.guide,
    })
    .from(evaluationTemplateItems)
    .where(eq(evaluationTemplateItems.templateId, id))
    .orderBy(asc(evaluationTemplateItems.sortOrder), asc(evaluationTemplateItems.id));
  return { ...template, items };
}
