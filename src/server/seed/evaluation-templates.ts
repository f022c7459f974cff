import type { Tx } from "../db";
import { evaluationTemplateItems, evaluationTemplates } from "../schema";
import { TEMPLATE_SEEDS } from "./evaluation-templates-data";
import { seedId } from "./random";

export const templateSeedId = (year: number, code: string) => seedId(`template:${year}:${code}`);

/** Every seed year starts with the bureau's templates (finance edits them per year). */
export async function insertTemplateSeed(tx: Tx, years: readonly number[], updatedBy: string) {
  for (const year of years) {
    for (const t of TEMPLATE_SEEDS) {
      const id = templateSeedId(year, t.code);
      await tx
        .insert(evaluationTemplates)
        .values({ id, year, code: t.code, name: t.name, updatedBy })
        .onConflictDoNothing({ target: evaluationTemplates.id });
      await tx
        .insert(evaluationTemplateItems)
        .values(
          t.lines.map(([level1, level2, name, maxPoints, guide], i) => ({
            id: seedId(`template:${year}:${t.code}:${i}`),
            templateId: id,
            level1,
            level2,
            name,
            maxPoints: maxPoints.toFixed(2),
            guide,
            sortOrder: i,
          })),
        )
        .onConflictDoNothing({ target: evaluationTemplateItems.id });
    }
  }
}
