import "server-only";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import { saveApplicationSchema, type SaveApplicationInput } from "./schemas";
import { saveApplication } from "./service";

export const saveApplicationDefinition = {
  name: "saveResultApplication",
  permission: "results.adjust",
  schema: saveApplicationSchema,
} satisfies ActionDefinition<typeof saveApplicationSchema>;

export async function runSaveApplication(input: SaveApplicationInput, { user, tx, audit }: ActionContext) {
  const saved = await saveApplication(input, { db: tx, user });
  await audit({
    action: "resultApplication.saved",
    entityType: "project",
    entityId: input.projectId,
    changes: {
      adjustedPercent: [saved.before.adjustedPercent, input.adjustedPercent ?? null],
      rulePercent: saved.rulePercent,
      adjustReason: input.adjustReason,
      accountability: input.accountability,
      disclosed: [saved.before.disclosed, input.disclosed],
    },
  });
  return { version: saved.version };
}
