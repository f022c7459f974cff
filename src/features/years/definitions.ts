import type { ActionContext, ActionDefinition } from "@/server/action-client";
import {
  createYearSchema,
  yearSettingsSchema,
  type CreateYearInput,
  type YearSettingsInput,
} from "./schemas";
import { createNextYear, updateYearSettings } from "./service";

// The action's definition and body, apart from the "use server" file so integration tests run
// exactly what the browser runs (runAction) with a user of their choosing.
export const updateYearSettingsDef: ActionDefinition<typeof yearSettingsSchema> = {
  name: "updateYearSettings",
  permission: "years.configure",
  schema: yearSettingsSchema,
};

export async function runUpdateYearSettings(input: YearSettingsInput, { user, tx, meta }: ActionContext) {
  const saved = await updateYearSettings(input, { db: tx, user, meta });
  return { year: saved.year, version: saved.version };
}

export const createYearDef: ActionDefinition<typeof createYearSchema> = {
  name: "createFiscalYear",
  permission: "years.create",
  schema: createYearSchema,
};

export async function runCreateYear(input: CreateYearInput, { user, tx, meta }: ActionContext) {
  return createNextYear(input.year, { db: tx, user, meta });
}
