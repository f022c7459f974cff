import type { DbOrTx } from "@/server/db";
import type { CurrentUser } from "@/server/session";

/**
 * Who may see and add files on one type of record. The attachments module does not know the rules
 * of every stage, so each feature registers its own policy for its records.
 */
export type AttachmentPolicy = {
  /** The record as the user may read it (with its project, if any), or null: unknown or out of scope. */
  canRead: (user: CurrentUser, entityId: string, db: DbOrTx) => Promise<{ projectId: string | null } | null>;
  /** Whether the user may add files now (their role, their record, its stage). */
  canWrite: (user: CurrentUser, entityId: string, db: DbOrTx) => Promise<boolean>;
};

const registry = new Map<string, AttachmentPolicy>();

export const ENTITY_TYPE_PATTERN = /^[a-zA-Z][a-zA-Z0-9]{0,39}$/;

/**
 * Called by a feature at import time, in a module listed in registered-policies.ts (so every route
 * bundle that serves files knows every policy). Registering a type again replaces its policy.
 *
 * For example, in src/features/targets/attachment-policy.ts:
 *   registerAttachmentPolicy("targetSheet", {
 *     canRead: async (user, id, db) => { const s = await readableSheet(user, id, db); return s && { projectId: s.projectId }; },
 *     canWrite: async (user, id, db) => (await editableSheet(user, id, db)) !== null,
 *   });
 * then `import "@/features/targets/attachment-policy";` in registered-policies.ts.
 */
export function registerAttachmentPolicy(entityType: string, policy: AttachmentPolicy): void {
  if (!ENTITY_TYPE_PATTERN.test(entityType)) throw new Error(`invalid attachment entity type: ${entityType}`);
  registry.set(entityType, policy);
}

/** The policy of a record type, or null: files of an unknown type are never served. */
export function attachmentPolicy(entityType: string): AttachmentPolicy | null {
  return registry.get(entityType) ?? null;
}
