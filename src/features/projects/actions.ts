"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authAction, type ActionResult } from "@/server/action-client";
import {
  createProjectDefinition,
  importProjectsDefinition,
  runCreateProject,
  runImportProjects,
  runUpdateProject,
  updateProjectDefinition,
} from "./definitions";

const create = authAction(createProjectDefinition, runCreateProject);
const update = authAction(updateProjectDefinition, runUpdateProject);
const importRun = authAction(importProjectsDefinition, runImportProjects);

export type ProjectFormState = ActionResult<{ id: string }> | null;

// Redirects happen here, after the transaction committed: inside it they would read as a failure.
export async function createProjectAction(prev: ProjectFormState, form: FormData): Promise<ProjectFormState> {
  const result = await create(prev, form);
  if (!result.ok) return result;
  revalidatePath("/projects");
  redirect(`/projects/${result.data.id}`);
}

export async function updateProjectAction(prev: ProjectFormState, form: FormData): Promise<ProjectFormState> {
  const result = await update(prev, form);
  if (!result.ok) return result;
  revalidatePath("/projects");
  redirect(`/projects/${result.data.id}`);
}

export type ImportProjectsState = Awaited<ReturnType<typeof importRun>> | null;

export async function importProjectsAction(
  prev: ImportProjectsState,
  form: FormData,
): Promise<ImportProjectsState> {
  const result = await importRun(prev, form);
  if (result.ok && result.data.imported) revalidatePath("/projects");
  // The file itself is not sent back to the form.
  return result.ok ? result : { ...result, values: undefined };
}
