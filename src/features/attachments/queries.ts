import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { db as defaultDb, type DbOrTx } from "@/server/db";
import { can } from "@/server/permissions";
import { attachments, users } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { mayDelete, readableRecord } from "./access";

/**
 * The live files of a record, oldest first, with what the user may do; null when the user may not
 * read the record (unknown type, unknown id, out of scope).
 */
export async function listAttachments(
  user: CurrentUser,
  entityType: string,
  entityId: string,
  db: DbOrTx = defaultDb,
) {
  if (!can(user.role, "attachments.read") || !z.guid().safeParse(entityId).success) return null;
  const record = await readableRecord(user, entityType, entityId, db);
  if (!record) return null;
  const [rows, writable] = await Promise.all([
    db
      .select({
        id: attachments.id,
        entityId: attachments.entityId,
        fileName: attachments.fileName,
        mime: attachments.mime,
        sizeBytes: attachments.sizeBytes,
        uploadedAt: attachments.uploadedAt,
        uploadedBy: attachments.uploadedBy,
        uploaderName: users.displayName,
      })
      .from(attachments)
      .innerJoin(users, eq(users.id, attachments.uploadedBy))
      .where(
        and(
          eq(attachments.entityType, entityType),
          eq(attachments.entityId, entityId),
          isNull(attachments.deletedAt),
        ),
      )
      .orderBy(asc(attachments.uploadedAt), asc(attachments.id)),
    record.policy.canWrite(user, entityId, db),
  ]);
  const mayRemove = can(user.role, "attachments.delete");
  const withRights = await Promise.all(
    rows.map(async (r) => ({
      ...r,
      canDelete: mayRemove && (await mayDelete(user, r, record.policy, db, writable)),
    })),
  );
  return { canUpload: writable && can(user.role, "attachments.upload"), rows: withRights };
}
export type AttachmentListing = NonNullable<Awaited<ReturnType<typeof listAttachments>>>;
export type AttachmentRow = AttachmentListing["rows"][number];

/** A live file the user may read (through its record's policy), or null: unknown and out of scope alike. */
export async function findReadableAttachment(user: CurrentUser, id: string, db: DbOrTx = defaultDb) {
  if (!can(user.role, "attachments.read") || !z.guid().safeParse(id).success) return null;
  const [file] = await db
    .select({
      id: attachments.id,
      entityType: attachments.entityType,
      entityId: attachments.entityId,
      fileName: attachments.fileName,
      mime: attachments.mime,
      sizeBytes: attachments.sizeBytes,
      storageKey: attachments.storageKey,
    })
    .from(attachments)
    .where(and(eq(attachments.id, id), isNull(attachments.deletedAt)))
    .limit(1);
  if (!file) return null;
  return (await readableRecord(user, file.entityType, file.entityId, db)) ? file : null;
}
