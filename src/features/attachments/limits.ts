import { env } from "@/env";
import { MB } from "./rules";

export type AttachmentLimits = { maxFileBytes: number; maxRecordBytes: number };

let override: AttachmentLimits | null = null;

/** The size limits from the settings (MAX_UPLOAD_MB per file, MAX_RECORD_UPLOAD_MB per record). */
export function attachmentLimits(): AttachmentLimits {
  return (
    override ?? {
      maxFileBytes: Math.floor(env.MAX_UPLOAD_MB * MB),
      maxRecordBytes: Math.floor(env.MAX_RECORD_UPLOAD_MB * MB),
    }
  );
}

/** Tests lower the limits so they need not write a hundred megabytes; null restores the settings. */
export function setAttachmentLimits(limits: AttachmentLimits | null): void {
  override = limits;
}
