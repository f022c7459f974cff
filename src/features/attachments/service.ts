import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { ActionContext } from "@/server/action-client";
import { queryRows, type DbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { attachments } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { newStorageKey, storage } from "@/server/storage";
import { mayDelete, readableRecord } from "./access";
import { attachmentLimits } from "./limits";
import { detectFileType, sanitizeFileName } from "./rules";
import type { DeleteAttachmentInput, UploadAttachmentInput } from "./schemas";

export type AttachmentServiceContext = { db: DbOrTx; user: CurrentUser; audit: ActionContext["audit"] };

/** A refusal of the file itself, shown under the file input (messages under errors.attachment.*). */
const refuse = (reason: string) =>
  new AppError("VALIDATION", "VALIDATION", { file: [`attachment.${reason}`] });

/**
 * Store one evidence file on a record. The record's policy decides scope (not readable: not found)
 * and whether the user may add files now. The type is read from the bytes. The row and its audit
 * entry are written in the caller's transaction; if they fail, the stored file is removed again.
 */
export async function uploadAttachment(
  input: UploadAttachmentInput,
  { db, user, audit }: AttachmentServiceContext,
) {
  const record = await readableRecord(user, input.entityType, input.entityId, db);
  if (!record) throw new AppError("NOT_FOUND");
  if (!(await record.policy.canWrite(user, input.entityId, db))) throw new AppError("FORBIDDEN");

  const limits = attachmentLimits();
  const { file } = input;
  if (file.size === 0) throw refuse("empty");
  if (file.size > limits.maxFileBytes) throw refuse("tooLarge");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileName = sanitizeFileName(file.name);
  const detected = detectFileType(fileName, bytes);
  if (!detected.ok) throw refuse(detected.reason);

  // Two uploads to one record at once must not both pass the record's limit: serialise them.
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`attachments:${input.entityType}:${input.entityId}`}))`,
  );
  const [used] = await queryRows<{ total: string | number }>(
    db,
    sql`select coalesce(sum(${attachments.sizeBytes}), 0) as total from ${attachments}
        where ${attachments.entityType} = ${input.entityType}
          and ${attachments.entityId} = ${input.entityId}
          and ${attachments.deletedAt} is null`,
  );
  if (Number(used?.total ?? 0) + bytes.length > limits.maxRecordBytes) throw refuse("recordLimit");

  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = newStorageKey();
  const store = storage();
  await store.put(storageKey, bytes);
  try {
    const [row] = await db
      .insert(attachments)
      .values({
        entityType: input.entityType,
        entityId: input.entityId,
        projectId: record.projectId,
        fileName,
        mime: detected.mime,
        sizeBytes: bytes.length,
        sha256,
        storageKey,
        uploadedBy: user.id,
      })
      .returning({ id: attachments.id });
    await audit({
      action: "attachment.uploaded",
      entityType: "attachment",
      entityId: row!.id,
      changes: {
        recordType: input.entityType,
        recordId: input.entityId,
        fileName,
        mime: detected.mime,
        sizeBytes: bytes.length,
        sha256,
      },
    });
    return { id: row!.id, fileName, mime: detected.mime, sizeBytes: bytes.length, sha256 };
  } catch (e) {
    await store.remove(storageKey).catch(() => undefined);
    throw e;
  }
}

/**
 * Take a file off its record. The row stays (deleted_at), so the evidence trail and its audit entry
 * remain; the file is no longer listed or served. Its stored bytes stay too, on purpose: they are the
 * evidence the row and the audit entry point to, and a database restored to an earlier day (where the
 * row is not yet deleted) must find them — the backups copy the database, not the store
 * (docs/deployment.md, "Attachments" and "Backups"). Removing them is an operator's task.
 */
export async function deleteAttachment(
  input: DeleteAttachmentInput,
  { db, user, audit }: AttachmentServiceContext,
) {
  const [file] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, input.id), isNull(attachments.deletedAt)))
    .limit(1);
  if (!file) throw new AppError("NOT_FOUND");
  const record = await readableRecord(user, file.entityType, file.entityId, db);
  if (!record) throw new AppError("NOT_FOUND");
  if (!(await mayDelete(user, file, record.policy, db))) throw new AppError("FORBIDDEN");
  const [row] = await db
    .update(attachments)
    .set({ deletedAt: new Date(), deletedBy: user.id })
    .where(and(eq(attachments.id, file.id), isNull(attachments.deletedAt)))
    .returning({ id: attachments.id });
  // Someone removed it between the read and the write.
  if (!row) throw new AppError("CONFLICT");
  await audit({
    action: "attachment.deleted",
    entityType: "attachment",
    entityId: file.id,
    changes: { recordType: file.entityType, recordId: file.entityId, fileName: file.fileName },
  });
  return { id: file.id };
}
