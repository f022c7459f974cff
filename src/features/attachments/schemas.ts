import { z } from "zod";
import { ENTITY_TYPE_PATTERN } from "./policies";

// A browser sends an empty file part when nothing was chosen: that reads as "required".
const file = z.custom<File>(
  (v) => typeof Blob !== "undefined" && v instanceof Blob && "name" in v && (v as File).name !== "",
  { error: "required" },
);

export const uploadAttachmentSchema = z.object({
  entityType: z.string().regex(ENTITY_TYPE_PATTERN),
  entityId: z.guid(),
  file,
});
export type UploadAttachmentInput = z.output<typeof uploadAttachmentSchema>;

export const deleteAttachmentSchema = z.object({ id: z.guid() });
export type DeleteAttachmentInput = z.output<typeof deleteAttachmentSchema>;
