import "server-only";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import {
  deleteAttachmentSchema,
  uploadAttachmentSchema,
  type DeleteAttachmentInput,
  type UploadAttachmentInput,
} from "./schemas";
import { deleteAttachment, uploadAttachment } from "./service";

// Definitions and bodies live outside the "use server" file so integration tests (and the upload
// route) run exactly what the action runs, with a user of their choosing.

export const uploadAttachmentDefinition = {
  name: "uploadAttachment",
  permission: "attachments.upload",
  schema: uploadAttachmentSchema,
} satisfies ActionDefinition<typeof uploadAttachmentSchema>;

export async function runUploadAttachment(input: UploadAttachmentInput, { user, tx, audit }: ActionContext) {
  return uploadAttachment(input, { db: tx, user, audit });
}

export const deleteAttachmentDefinition = {
  name: "deleteAttachment",
  permission: "attachments.delete",
  schema: deleteAttachmentSchema,
} satisfies ActionDefinition<typeof deleteAttachmentSchema>;

export async function runDeleteAttachment(input: DeleteAttachmentInput, { user, tx, audit }: ActionContext) {
  return deleteAttachment(input, { db: tx, user, audit });
}
