import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/server/session";
import { listAttachments } from "../queries";
import { formatFileSize } from "../rules";
import { AttachmentUploader } from "./attachment-uploader";
import { DeleteAttachmentButton } from "./delete-attachment-button";

type Props = {
  entityType: string;
  entityId: string;
  /** The page's wish to offer uploading; the record's policy must allow it too. */
  canUpload?: boolean;
  title?: string;
};

/**
 * The files of one record: name, size, uploader, time, download, and delete where allowed. Renders
 * nothing when the user may not read the record, so a page can place it without a check of its own.
 */
export async function AttachmentList({ entityType, entityId, canUpload = false, title }: Props) {
  const user = await requireUser();
  const listing = await listAttachments(user, entityType, entityId);
  if (!listing) return null;
  const [t, format] = await Promise.all([getTranslations("attachments"), getFormatter()]);
  const showUploader = canUpload && listing.canUpload;
  const when = (d: Date) =>
    format.dateTime(d, {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });

  return (
    <Card
      title={title ?? t("sectionTitle")}
      actions={
        <span className="text-xs text-slate-500">{t("list.count", { count: listing.rows.length })}</span>
      }
    >
      <div className="space-y-4">
        {showUploader && <AttachmentUploader entityType={entityType} entityId={entityId} />}
        {listing.rows.length === 0 ? (
          <div className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center">
            <div className="text-sm font-medium text-slate-700">{t("list.empty")}</div>
            <div className="mt-1 text-xs text-slate-500">{t("list.emptyBody")}</div>
          </div>
        ) : (
          <Table>
            <caption className="sr-only">{t("list.caption")}</caption>
            <thead>
              <tr>
                <Th>{t("list.name")}</Th>
                <Th align="right">{t("list.size")}</Th>
                <Th>{t("list.uploader")}</Th>
                <Th>{t("list.uploadedAt")}</Th>
                <Th align="right">{t("list.actions")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {listing.rows.map((r) => (
                <tr key={r.id}>
                  <Td className="max-w-[14rem] lg:max-w-[28rem]">
                    <a
                      href={`/attachments/${r.id}`}
                      className="block truncate font-medium text-brand-700 hover:underline"
                      title={r.fileName}
                    >
                      {r.fileName}
                    </a>
                  </Td>
                  <Td align="right" className="whitespace-nowrap">
                    {formatFileSize(r.sizeBytes)}
                  </Td>
                  <Td className="whitespace-nowrap">{r.uploaderName}</Td>
                  <Td className="num whitespace-nowrap">{when(r.uploadedAt)}</Td>
                  <Td align="right" className="whitespace-nowrap">
                    <span className="inline-flex items-center gap-1">
                      <a
                        href={`/attachments/${r.id}`}
                        aria-label={t("list.downloadLabel", { name: r.fileName })}
                        className="rounded px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50"
                      >
                        {t("list.download")}
                      </a>
                      {r.canDelete && <DeleteAttachmentButton id={r.id} fileName={r.fileName} />}
                    </span>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {!showUploader && canUpload && <p className="text-xs text-slate-500">{t("readOnly")}</p>}
      </div>
    </Card>
  );
}
