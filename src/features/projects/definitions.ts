import "server-only";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import { importProjects } from "./import-service";
import {
  createProjectSchema,
  importProjectsSchema,
  updateProjectSchema,
  type CreateProjectInput,
  type ImportProjectsInput,
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

export const importProjectsDefinition = {
  name: "importProjects",
  permission: "projects.create",
  schema: importProjectsSchema,
} satisfies ActionDefinition<typeof importProjectsSchema>;

/** One audit row for the file: which codes it filed (the projects themselves start at DRAFT). */
export async function runImportProjects(input: ImportProjectsInput, { user, tx, audit }: ActionContext) {
  const result = await importProjects(input, { db: tx, user });
  if (result.imported)
    await audit({
      action: "projects.imported",
      entityType: "project",
      changes: {
        year: result.year,
        filename: result.filename,
        count: result.count,
        total: result.total,
        codes: result.imported,
      },
    });
  return result;
}
