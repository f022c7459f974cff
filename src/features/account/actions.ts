"use server";

import { revalidatePath } from "next/cache";
import { authAction } from "@/server/action-client";
import { changePasswordDef, changePasswordRun } from "./definitions";

const changePassword = authAction(changePasswordDef, changePasswordRun);

export async function changePasswordAction(state: unknown, form: FormData) {
  const result = await changePassword(state, form);
  // The shell is rendered with the must-change flag: render it again without.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
