"use server";

import { revalidatePath } from "next/cache";
import { authAction, type ActionResult } from "@/server/action-client";
import { markReadDefinition, runMarkRead } from "./definitions";

const mark = authAction(markReadDefinition, runMarkRead);

export async function markReadAction(prev: ActionResult<unknown> | null, form: FormData) {
  const result = await mark(prev, form);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
