import "server-only";
import { getTranslations } from "next-intl/server";
import { formDataToObject, runAction, type ActionResult } from "@/server/action-client";
import { requestMeta } from "@/server/request-context";
import { getCurrentUser } from "@/server/session";
import { runUploadAttachment, uploadAttachmentDefinition } from "./definitions";
import { attachmentLimits } from "./limits";

// Room for the form's other fields and the multipart boundaries around the file.
const ENVELOPE_BYTES = 64 * 1024;

const json = (result: ActionResult<unknown>, status = 200) =>
  Response.json(result, { status, headers: { "Cache-Control": "private, no-store" } });

/** Same site only: a form on another site must not be able to post files with the user's cookie. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The uploader's endpoint: the upload action's definition run on a multipart POST. A route rather
 * than the server action itself, so the browser can report progress and large files are not held
 * to the server actions' body limit.
 */
export async function handleUploadRequest(request: Request): Promise<Response> {
  const [user, meta, tr] = await Promise.all([getCurrentUser(), requestMeta(), getTranslations()]);
  const t = (key: string, values?: Record<string, string | number>) => (tr.has(key) ? tr(key, values) : key);
  if (!sameOrigin(request))
    return json({ ok: false, code: "FORBIDDEN", message: t("errors.FORBIDDEN") }, 403);
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > attachmentLimits().maxFileBytes + ENVELOPE_BYTES) {
    // Refused before reading the body.
    const message = t("errors.attachment.tooLarge");
    return json({ ok: false, code: "VALIDATION", message, fieldErrors: { file: [message] } }, 413);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json({ ok: false, code: "VALIDATION", message: t("errors.VALIDATION") }, 400);
  }
  const result = await runAction(uploadAttachmentDefinition, runUploadAttachment, {
    user,
    raw: formDataToObject(form),
    meta,
    t,
  });
  // The file is not echoed back.
  return json(result.ok ? result : { ...result, values: undefined });
}
