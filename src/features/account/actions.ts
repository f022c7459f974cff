"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authAction } from "@/server/action-client";
import { changePasswordDef, changePasswordRun } from "./definitions";

const changePassword = authAction(changePasswordDef, changePasswordRun);

export async function changePasswordAction(state: unknown, form: FormData) {
  const result = await changePassword(state, form);
  // The shell is rendered with the must-change flag: render it again without.
  if (result.ok) revalidatePath("/", "layout");
  // A forced change was the only thing standing between the account and the system: go on to it,
  // from the server, so the move does not depend on the page surviving the re-render.
  if (result.ok && result.data.wasForced) redirect("/dashboard");
  return result;
}
