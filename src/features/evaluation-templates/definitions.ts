import "server-only";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import { saveTemplateSchema, type SaveTemplateInput } from "./schemas";
import { saveTemplate } from "./service";

// Definitions and bodies of the actions, outside the "use server" file so integration tests run
// exactly what the browser runs (runAction) with a user of their choosing.

export const saveTemplateDefinition = {
  name: "saveEvaluationTemplate",
  permission: "evaluationTemplates.manage",
  schema: saveTemplateSchema,
} satisfies ActionDefinition<typeof saveTemplateSchema>;

export async function runSaveTemplate(input: SaveTemplateInput, { user, tx, audit }: ActionContext) {
  const saved = await saveTemplate(input, { db: tx, user });
  await audit({
    action: "evaluationTemplate.saved",
    entityType: "evaluation_template",
    entityId: saved.id,
    changes: {
      year: saved.year,
      code: saved.code,
      version: [input.version, saved.version],
      lines: input.lines.map((l) => [l.level1, l.level2, l.name, l.maxPoints]),
    },
  });
  return { id: saved.id, version: saved.version };
}
