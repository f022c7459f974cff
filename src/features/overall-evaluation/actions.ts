"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/hooks/use-form-action";
import { authAction, type ActionResult } from "@/server/action-client";
import {
  openDeptOverallDefinition,
  openTownshipDefinition,
  recordOpinionDefinition,
  returnDeptOverallDefinition,
  returnTownshipDefinition,
  runOpenDeptOverall,
  runOpenTownship,
  runRecordOpinion,
  runReturnDeptOverall,
  runReturnTownship,
  runSaveDeptSelf,
  runSaveTownshipSelf,
  runScoreTownship,
  saveDeptSelfDefinition,
  saveTownshipSelfDefinition,
  scoreTownshipDefinition,
} from "./definitions";

const openDept = authAction(openDeptOverallDefinition, runOpenDeptOverall);
const saveDept = authAction(saveDeptSelfDefinition, runSaveDeptSelf);
const returnDept = authAction(returnDeptOverallDefinition, runReturnDeptOverall);
const opinion = authAction(recordOpinionDefinition, runRecordOpinion);
const openTown = authAction(openTownshipDefinition, runOpenTownship);
const saveTown = authAction(saveTownshipSelfDefinition, runSaveTownshipSelf);
const returnTown = authAction(returnTownshipDefinition, runReturnTownship);
const scoreTown = authAction(scoreTownshipDefinition, runScoreTownship);

const DEPT = "/dept-evaluations";
const TOWN = "/township-evaluations";

function refreshed<T extends ActionResult<{ id: string }>>(base: string, result: T): T {
  if (result.ok) {
    revalidatePath(base);
    revalidatePath(`${base}/${result.data.id}`);
  }
  return result;
}

export type OpenState = ActionResult<{ id: string; orgName: string; year: number }> | null;

export async function openDeptOverallAction(prev: OpenState, form: FormData): Promise<OpenState> {
  return refreshed(DEPT, await openDept(prev, form));
}
export async function openTownshipAction(prev: OpenState, form: FormData): Promise<OpenState> {
  return refreshed(TOWN, await openTown(prev, form));
}

export async function saveDeptSelfAction(prev: FormState, form: FormData): Promise<FormState> {
  return refreshed(DEPT, await saveDept(prev, form));
}
export async function saveTownshipSelfAction(prev: FormState, form: FormData): Promise<FormState> {
  return refreshed(TOWN, await saveTown(prev, form));
}

export async function returnDeptOverallAction(prev: FormState, form: FormData): Promise<FormState> {
  return refreshed(DEPT, await returnDept(prev, form));
}
export async function returnTownshipAction(prev: FormState, form: FormData): Promise<FormState> {
  return refreshed(TOWN, await returnTown(prev, form));
}

export async function scoreTownshipAction(prev: FormState, form: FormData): Promise<FormState> {
  return refreshed(TOWN, await scoreTown(prev, form));
}

export async function recordOpinionAction(prev: FormState, form: FormData): Promise<FormState> {
  const result = await opinion(prev, form);
  if (result.ok) revalidatePath(`${DEPT}/${result.data.evaluationId}`);
  return result;
}
