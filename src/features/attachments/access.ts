import "server-only";
import "./registered-policies";
import type { DbOrTx } from "@/server/db";
import type { CurrentUser } from "@/server/session";
import { attachmentPolicy, type AttachmentPolicy } from "./policies";

export type ReadableRecord = { policy: AttachmentPolicy; projectId: string | null };

/** The record's policy and project when the user may read the record, else null (reads as not found). */
export async function readableRecord(
  user: CurrentUser,
  entityType: string,
  entityId: string,
  db: DbOrTx,
): Promise<ReadableRecord | null> {
  const policy = attachmentPolicy(entityType);
  if (!policy) return null;
  const record = await policy.canRead(user, entityId, db);
  return record ? { policy, projectId: record.projectId } : null;
}

/** Only the uploader while they may still add files, or the finance administrator, removes a file. */
export async function mayDelete(
  user: CurrentUser,
  file: { uploadedBy: string; entityId: string },
  policy: AttachmentPolicy,
  db: DbOrTx,
  canWrite?: boolean,
): Promise<boolean> {
  if (user.role === "FINANCE_ADMIN") return true;
  if (file.uploadedBy !== user.id) return false;
  return canWrite ?? (await policy.canWrite(user, file.entityId, db));
}
