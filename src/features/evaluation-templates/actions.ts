"use server";

import { revalidatePath } from "next/cache";
import { authAction, type ActionResult } from "@/server/action-client";
import { runSaveTemplate, saveTemplateDefinition } from "./definitions";

const save = authAction(saveTemplateDefinition, runSaveTemplate);

export async function saveTemplateAction(
  prev: ActionResult<unknown> | null,
  form: FormData,
): Promise<ActionResult<unknown>> {
  const result = await save(prev, form);
  if (result.ok) revalidatePath("/evaluation-templates", "layout");
  return result;
}
