"use server";

import { revalidatePath } from "next/cache";
import { authAction, type ActionResult } from "@/server/action-client";
import { runSaveApplication, saveApplicationDefinition } from "./definitions";

const save = authAction(saveApplicationDefinition, runSaveApplication);

export async function saveApplicationAction(prev: ActionResult<unknown> | null, form: FormData) {
  const result = await save(prev, form);
  if (result.ok) {
    revalidatePath("/results", "layout");
    revalidatePath("/projects", "layout");
  }
  return result;
}
