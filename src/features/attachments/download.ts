import "server-only";
import { writeAudit } from "@/server/audit";
import { db } from "@/server/db";
import type { RequestMeta } from "@/server/request-context";
import type { CurrentUser } from "@/server/session";
import { storage } from "@/server/storage";
import { findReadableAttachment } from "./queries";
import { contentDisposition, downloadContentType } from "./rules";

const notFound = () => new Response(null, { status: 404, headers: { "Cache-Control": "private, no-store" } });

/**
 * Serve one file as a download, never rendered in the page: unknown ids and files outside the
 * user's scope get the same 404. Every download is audited before the bytes leave.
 */
export async function downloadAttachment(
  user: CurrentUser,
  id: string,
  meta: RequestMeta,
): Promise<Response> {
  const actor = { id: user.id, username: user.username, role: user.role };
  const file = await findReadableAttachment(user, id);
  if (!file) {
    await writeAudit(db, {
      actor,
      action: "access.denied",
      result: "DENIED",
      changes: { action: "downloadAttachment", code: "NOT_FOUND", id: id.slice(0, 64) },
      ...meta,
    });
    return notFound();
  }
  const body = await storage().get(file.storageKey);
  if (!body) {
    console.error(`[attachments] file missing from storage: ${file.id}`);
    return notFound();
  }
  await writeAudit(db, {
    actor,
    action: "attachment.downloaded",
    entityType: "attachment",
    entityId: file.id,
    changes: { recordType: file.entityType, recordId: file.entityId, fileName: file.fileName },
    ...meta,
  });
  return new Response(body, {
    headers: {
      "Content-Type": downloadContentType(file.mime),
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      // A served PDF or image is still a document of ours: no scripts, no framing.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
