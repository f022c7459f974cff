"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authAction } from "@/server/action-client";
import {
  createUserDef,
  createUserRun,
  disableUserDef,
  disableUserRun,
  enableUserDef,
  enableUserRun,
  resetPasswordDef,
  resetPasswordRun,
  updateUserDef,
  updateUserRun,
} from "./definitions";

const createUser = authAction(createUserDef, createUserRun);
const updateUser = authAction(updateUserDef, updateUserRun);
const disableUser = authAction(disableUserDef, disableUserRun);
const enableUser = authAction(enableUserDef, enableUserRun);
const resetPassword = authAction(resetPasswordDef, resetPasswordRun);

export async function createUserAction(state: unknown, form: FormData) {
  const result = await createUser(state, form);
  if (!result.ok) return result;
  revalidatePath("/admin/users");
  redirect(`/admin/users/${result.data.id}?created=1`);
}

export async function updateUserAction(state: unknown, form: FormData) {
  const result = await updateUser(state, form);
  if (result.ok) revalidatePath("/admin/users", "layout");
  return result;
}

export async function disableUserAction(state: unknown, form: FormData) {
  const result = await disableUser(state, form);
  if (result.ok) revalidatePath("/admin/users", "layout");
  return result;
}

export async function enableUserAction(state: unknown, form: FormData) {
  const result = await enableUser(state, form);
  if (result.ok) revalidatePath("/admin/users", "layout");
  return result;
}

export async function resetUserPasswordAction(state: unknown, form: FormData) {
  const result = await resetPassword(state, form);
  if (result.ok) revalidatePath("/admin/users", "layout");
  return result;
}
