"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authAction, type ActionResult } from "@/server/action-client";
import {
  addAgencyStaffDefinition,
  createAgencyDefinition,
  declareAgencyConflictDefinition,
  recordAgencyViolationDefinition,
  removeAgencyStaffDefinition,
  runAddAgencyStaff,
  runCreateAgency,
  runDeclareAgencyConflict,
  runRecordAgencyViolation,
  runRemoveAgencyStaff,
  runSetAgencyStatus,
  runUpdateAgencyProfile,
  setAgencyStatusDefinition,
  updateAgencyProfileDefinition,
} from "./definitions";

export type AgencyFormState = ActionResult<unknown> | null;

const create = authAction(createAgencyDefinition, runCreateAgency);
const update = authAction(updateAgencyProfileDefinition, runUpdateAgencyProfile);
const status = authAction(setAgencyStatusDefinition, runSetAgencyStatus);
const staff = authAction(addAgencyStaffDefinition, runAddAgencyStaff);
const unstaff = authAction(removeAgencyStaffDefinition, runRemoveAgencyStaff);
const violation = authAction(recordAgencyViolationDefinition, runRecordAgencyViolation);
const conflict = authAction(declareAgencyConflictDefinition, runDeclareAgencyConflict);

const refresh = (form: FormData) => {
  revalidatePath("/agencies");
  revalidatePath(`/agencies/${String(form.get("agencyId") ?? "")}`);
};

export async function createAgencyAction(prev: AgencyFormState, form: FormData): Promise<AgencyFormState> {
  const result = await create(prev, form);
  if (!result.ok) return result;
  revalidatePath("/agencies");
  redirect(`/agencies/${result.data.id}?created=1`);
}

async function run(
  action: (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>,
  prev: AgencyFormState,
  form: FormData,
): Promise<AgencyFormState> {
  const result = await action(prev, form);
  if (result.ok) refresh(form);
  return result;
}

export async function updateProfileAction(prev: AgencyFormState, form: FormData) {
  return run(update, prev, form);
}
export async function setStatusAction(prev: AgencyFormState, form: FormData) {
  return run(status, prev, form);
}
export async function addStaffAction(prev: AgencyFormState, form: FormData) {
  return run(staff, prev, form);
}
export async function removeStaffAction(prev: AgencyFormState, form: FormData) {
  return run(unstaff, prev, form);
}
export async function recordViolationAction(prev: AgencyFormState, form: FormData) {
  return run(violation, prev, form);
}
export async function declareConflictAction(prev: AgencyFormState, form: FormData) {
  return run(conflict, prev, form);
}
