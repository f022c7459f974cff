"use server";

import { revalidatePath } from "next/cache";
import { authAction } from "@/server/action-client";
import { confirmTotpDef, confirmTotpRun, resetTotpDef, resetTotpRun } from "./definitions";

// No revalidation after enrolment: the page keeps showing the recovery codes until the user goes on.
export const confirmTotpAction = authAction(confirmTotpDef, confirmTotpRun);

const resetTotp = authAction(resetTotpDef, resetTotpRun);

export async function resetTotpAction(state: unknown, form: FormData) {
  const result = await resetTotp(state, form);
  if (result.ok) revalidatePath("/admin/users", "layout");
  return result;
}
