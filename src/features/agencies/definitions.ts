import "server-only";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import {
  addStaffSchema,
  createAgencySchema,
  declareConflictSchema,
  recordViolationSchema,
  removeStaffSchema,
  setStatusSchema,
  updateProfileSchema,
} from "./schemas";
import {
  addStaff,
  createAgency,
  declareConflict,
  recordViolation,
  removeStaff,
  setStatus,
  updateProfile,
} from "./service";

// Definitions and bodies live outside the "use server" file so integration tests run exactly what
// the browser runs (runAction), with a user of their choosing. Each writes its audit row.

export const createAgencyDefinition = {
  name: "createAgency",
  permission: "agencies.manage",
  schema: createAgencySchema,
} satisfies ActionDefinition<typeof createAgencySchema>;
export async function runCreateAgency(
  input: typeof createAgencySchema._output,
  { user, tx, audit }: ActionContext,
) {
  const created = await createAgency(input, { db: tx, user });
  await audit({
    action: "agency.created",
    entityType: "agency",
    entityId: created.id,
    changes: { name: created.name },
  });
  return created;
}

export const updateAgencyProfileDefinition = {
  name: "updateAgencyProfile",
  permission: "agencies.editProfile",
  schema: updateProfileSchema,
} satisfies ActionDefinition<typeof updateProfileSchema>;
export async function runUpdateAgencyProfile(
  input: typeof updateProfileSchema._output,
  { user, tx, audit }: ActionContext,
) {
  const saved = await updateProfile(input, { db: tx, user });
  await audit({
    action: "agency.updated",
    entityType: "agency",
    entityId: saved.id,
    changes: { version: saved.version },
  });
  return saved;
}

export const setAgencyStatusDefinition = {
  name: "setAgencyStatus",
  permission: "agencies.manage",
  schema: setStatusSchema,
} satisfies ActionDefinition<typeof setStatusSchema>;
export async function runSetAgencyStatus(
  input: typeof setStatusSchema._output,
  { user, tx, audit }: ActionContext,
) {
  const moved = await setStatus(input, { db: tx, user });
  await audit({
    action: "agency.statusChanged",
    entityType: "agency",
    entityId: moved.id,
    changes: { from: moved.from, to: moved.to, reason: moved.reason },
  });
  return moved;
}

export const addAgencyStaffDefinition = {
  name: "addAgencyStaff",
  permission: "agencies.editProfile",
  schema: addStaffSchema,
} satisfies ActionDefinition<typeof addStaffSchema>;
export async function runAddAgencyStaff(
  input: typeof addStaffSchema._output,
  { user, tx, audit }: ActionContext,
) {
  const added = await addStaff(input, { db: tx, user });
  await audit({
    action: "agency.staffAdded",
    entityType: "agency",
    entityId: added.agencyId,
    changes: { name: input.name, qualification: input.qualification },
  });
  return added;
}

export const removeAgencyStaffDefinition = {
  name: "removeAgencyStaff",
  permission: "agencies.editProfile",
  schema: removeStaffSchema,
} satisfies ActionDefinition<typeof removeStaffSchema>;
export async function runRemoveAgencyStaff(
  input: typeof removeStaffSchema._output,
  { user, tx, audit }: ActionContext,
) {
  const removed = await removeStaff(input, { db: tx, user });
  await audit({
    action: "agency.staffRemoved",
    entityType: "agency",
    entityId: removed.agencyId,
    changes: { name: removed.name },
  });
  return removed;
}

export const recordAgencyViolationDefinition = {
  name: "recordAgencyViolation",
  permission: "agencies.manage",
  schema: recordViolationSchema,
} satisfies ActionDefinition<typeof recordViolationSchema>;
export async function runRecordAgencyViolation(
  input: typeof recordViolationSchema._output,
  { user, tx, audit }: ActionContext,
) {
  const recorded = await recordViolation(input, { db: tx, user });
  await audit({
    action: "agency.violationRecorded",
    entityType: "agency",
    entityId: recorded.agencyId,
    changes: { occurredOn: input.occurredOn, description: input.description },
  });
  return recorded;
}

export const declareAgencyConflictDefinition = {
  name: "declareAgencyConflict",
  permission: "agencies.editProfile",
  schema: declareConflictSchema,
} satisfies ActionDefinition<typeof declareConflictSchema>;
export async function runDeclareAgencyConflict(
  input: typeof declareConflictSchema._output,
  { user, tx, audit }: ActionContext,
) {
  const declared = await declareConflict(input, { db: tx, user });
  await audit({
    action: "agency.conflictDeclared",
    entityType: "agency",
    entityId: declared.agencyId,
    changes: { departmentId: declared.departmentId, reason: input.reason },
  });
  return declared;
}
