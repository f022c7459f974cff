"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authAction, type ActionResult } from "@/server/action-client";
import {
  raiseItemDefinition,
  replyItemDefinition,
  runRaiseItem,
  runReplyItem,
  runVerifyItem,
  verifyItemDefinition,
} from "./definitions";

export type RectificationFormState = ActionResult<unknown> | null;

const raise = authAction(raiseItemDefinition, runRaiseItem);
const reply = authAction(replyItemDefinition, runReplyItem);
const verify = authAction(verifyItemDefinition, runVerifyItem);

// Revalidation happens after the transaction committed.
function refreshing(
  action: (prev: RectificationFormState, form: FormData) => Promise<ActionResult<unknown>>,
) {
  return async (prev: RectificationFormState, form: FormData): Promise<RectificationFormState> => {
    const result = await action(prev, form);
    if (result.ok) {
      revalidatePath("/rectification", "layout");
      revalidatePath("/todos");
    }
    return result;
  };
}

export async function raiseItemAction(
  prev: RectificationFormState,
  form: FormData,
): Promise<RectificationFormState> {
  const result = await raise(prev, form);
  if (!result.ok) return result;
  revalidatePath("/rectification", "layout");
  redirect(`/rectification/${(result.data as { id: string }).id}`);
}

export const replyItemAction = refreshing(reply);
export const verifyItemAction = refreshing(verify);
