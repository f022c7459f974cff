import { attachmentLimits } from "../limits";
import { MB } from "../rules";
import { UploaderForm } from "./uploader-form";

/**
 * File input and drop area for one record. Place it only where the user may upload (AttachmentList
 * does this itself); the server checks the record's policy again on every upload.
 */
export function AttachmentUploader({ entityType, entityId }: { entityType: string; entityId: string }) {
  const maxFileMb = Math.round((attachmentLimits().maxFileBytes / MB) * 10) / 10;
  return <UploaderForm entityType={entityType} entityId={entityId} maxFileMb={maxFileMb} />;
}
