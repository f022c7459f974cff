"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authAction, type ActionResult } from "@/server/action-client";
import {
  createProjectDefinition,
  runCreateProject,
  runUpdateProject,
  updateProjectDefinition,
} from "./definitions";

const create = authAction(createProjectDefinition, runCreateProject);
const update = authAction(updateProjectDefinition, runUpdateProject);

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
