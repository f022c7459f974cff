"use server";

import { revalidatePath } from "next/cache";
import { authAction } from "@/server/action-client";
import { runSaveSummaryPlan, saveSummaryPlanDef } from "./definitions";

export const saveSummaryPlanAction = authAction(saveSummaryPlanDef, async (input, ctx) => {
  const saved = await runSaveSummaryPlan(input, ctx);
  revalidatePath("/reports/annual-summary");
  return saved;
});
