"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authAction, type ActionResult } from "@/server/action-client";
import { runSaveLibraryIndicator, saveLibraryIndicatorDefinition } from "./definitions";

const save = authAction(saveLibraryIndicatorDefinition, runSaveLibraryIndicator);

export type LibraryFormState = ActionResult<{ id: string }> | null;

// Deactivating is an edit with `active` unticked: the entry stays for the sheets that copied it.
export async function saveLibraryIndicatorAction(
  prev: LibraryFormState,
  form: FormData,
): Promise<LibraryFormState> {
  const result = await save(prev, form);
  if (!result.ok) return result;
  revalidatePath("/indicators");
  redirect("/indicators");
}
