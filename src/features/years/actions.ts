"use server";

import { revalidatePath } from "next/cache";
import { authAction } from "@/server/action-client";
import { createYearDef, runCreateYear, runUpdateYearSettings, updateYearSettingsDef } from "./definitions";

export const updateYearSettingsAction = authAction(updateYearSettingsDef, async (input, ctx) => {
  const saved = await runUpdateYearSettings(input, ctx);
  revalidatePath("/settings/years");
  revalidatePath("/dashboard");
  return saved;
});

export const createYearAction = authAction(createYearDef, async (input, ctx) => {
  const created = await runCreateYear(input, ctx);
  revalidatePath("/settings/years");
  revalidatePath("/evaluation-templates");
  return created;
});
