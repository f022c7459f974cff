import "server-only";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import { libraryIndicatorSchema, type LibraryIndicatorInput } from "./schemas";
import { saveLibraryIndicator } from "./service";

export const saveLibraryIndicatorDefinition = {
  name: "saveLibraryIndicator",
  permission: "indicators.manage",
  schema: libraryIndicatorSchema,
} satisfies ActionDefinition<typeof libraryIndicatorSchema>;

export async function runSaveLibraryIndicator(input: LibraryIndicatorInput, { tx, audit }: ActionContext) {
  const saved = await saveLibraryIndicator(input, { db: tx });
  await audit({
    action: saved.created ? "indicator.created" : "indicator.updated",
    entityType: "library_indicator",
    entityId: saved.id,
    changes: saved.changes,
  });
  return { id: saved.id, version: saved.version };
}
