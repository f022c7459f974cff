import type { ActionContext, ActionDefinition } from "@/server/action-client";
import { saveSummaryPlanSchema, type SaveSummaryPlanInput } from "./schemas";
import { saveSummaryPlan } from "./service";

// Apart from the "use server" file so integration tests run exactly what the browser runs.
export const saveSummaryPlanDef: ActionDefinition<typeof saveSummaryPlanSchema> = {
  name: "saveSummaryPlan",
  permission: "reports.writePlan",
  schema: saveSummaryPlanSchema,
};

export function runSaveSummaryPlan(input: SaveSummaryPlanInput, ctx: ActionContext) {
  return saveSummaryPlan(input, ctx);
}
