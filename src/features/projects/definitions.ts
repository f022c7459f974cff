import "server-only";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import {
  createProjectSchema,
  updateProjectSchema,
  type CreateProjectInput,
  type UpdateProjectInput,
} from "./schemas";
import { createProject, updateProject } from "./service";

// The actions' definitions and bodies live outside the "use server" file so integration tests run
// exactly what the browser runs (runAction), with a user of their choosing.

export const createProjectDefinition = {
  name: "createProject",
  permission: "projects.create",
  schema: createProjectSchema,
} satisfies ActionDefinition<typeof createProjectSchema>;

export async function runCreateProject(input: CreateProjectInput, { user, tx, audit }: ActionContext) {
  const created = await createProject(input, { db: tx, user });
  await audit({
    action: "project.created",
    entityType: "project",
    entityId: created.id,
    changes: { code: created.code, ...input },
  });
  return { id: created.id, code: created.code };
}

export const updateProjectDefinition = {
  name: "updateProject",
  permission: "projects.update",
  schema: updateProjectSchema,
} satisfies ActionDefinition<typeof updateProjectSchema>;

export async function runUpdateProject(input: UpdateProjectInput, { user, tx, audit }: ActionContext) {
  const updated = await updateProject(input, { db: tx, user });
  await audit({
    action: "project.updated",
    entityType: "project",
    entityId: updated.id,
    changes: updated.changes,
  });
  return { id: updated.id, version: updated.version };
}
