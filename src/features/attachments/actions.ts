"use server";

import { authAction, type ActionResult } from "@/server/action-client";
import {
  deleteAttachmentDefinition,
  runDeleteAttachment,
  runUploadAttachment,
  uploadAttachmentDefinition,
} from "./definitions";

const upload = authAction(uploadAttachmentDefinition, runUploadAttachment);
const remove = authAction(deleteAttachmentDefinition, runDeleteAttachment);

export type UploadAttachmentState = ActionResult<{ id: string; fileName: string }> | null;
export type DeleteAttachmentState = ActionResult<{ id: string }> | null;

// No revalidatePath: the lists sit on other features' pages, so the components refresh themselves.

/**
 * FormData: entityType, entityId, file. Server actions accept bodies up to Next's
 * serverActions.bodySizeLimit (1 MB by default): the uploader component posts to
 * /attachments/upload instead, which runs the same definition without that limit.
 */
export async function uploadAttachmentAction(
  prev: UploadAttachmentState,
  form: FormData,
): Promise<UploadAttachmentState> {
  const result = await upload(prev, form);
  // The file itself is not sent back to the form.
  if (!result.ok) return { ...result, values: undefined };
  return { ok: true, data: { id: result.data.id, fileName: result.data.fileName } };
}

export async function deleteAttachmentAction(
  prev: DeleteAttachmentState,
  form: FormData,
): Promise<DeleteAttachmentState> {
  return remove(prev, form);
}
