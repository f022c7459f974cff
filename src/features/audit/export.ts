import "server-only";
import { getTranslations } from "next-intl/server";
import { writeAudit } from "@/server/audit";
import { db } from "@/server/db";
import { excelResponse, inBatches } from "@/server/excel";
import { can } from "@/server/permissions";
import { requestMeta } from "@/server/request-context";
import type { CurrentUser } from "@/server/session";
import { actionLabel, entityLabel, rowUsername, shanghaiDateTime } from "./labels";
import { auditExportBatch, type AuditListRow } from "./queries";
import { auditFilterSchema, filterParams, type AuditFilter } from "./schemas";

/**
 * The filtered audit log as .xlsx, streamed in batches. The export itself is audited first, with
 * the filter used; a refusal is audited as access.denied and answers "not found".
 */
export async function exportAuditLog(
  user: CurrentUser | null,
  params: Record<string, string>,
): Promise<Response> {
  if (!user) return new Response(null, { status: 401 });
  const meta = await requestMeta();
  const actor = { id: user.id, username: user.username, role: user.role };
  if (!can(user.role, "audit.export") || user.mustChangePassword) {
    await writeAudit(db, {
      actor,
      action: "access.denied",
      result: "DENIED",
      changes: { action: "exportAuditLog", code: "NOT_FOUND" },
      ...meta,
    });
    return new Response(null, { status: 404 });
  }
  const parsed = auditFilterSchema.safeParse(params);
  if (!parsed.success) return new Response(null, { status: 400 });
  const filter: AuditFilter = parsed.data;
  await writeAudit(db, {
    actor,
    action: "audit.exported",
    entityType: "audit_log",
    changes: { filter: Object.fromEntries(filterParams(filter)) },
    ...meta,
  });

  const [t, te] = await Promise.all([getTranslations("audit"), getTranslations("enums")]);
  const roleLabel = (r: AuditListRow) => (r.actorRole ? te(`role.${r.actorRole}`) : "");
  return excelResponse<AuditListRow>({
    filename: `${t("exportFilename")}-${shanghaiDateTime(new Date()).slice(0, 10)}.xlsx`,
    sheetName: t("title"),
    columns: [
      { header: t("col.id"), width: 10, value: (r) => r.id },
      { header: t("col.at"), width: 20, value: (r) => shanghaiDateTime(r.at) },
      { header: t("col.user"), width: 18, value: (r) => rowUsername(r) },
      { header: t("col.role"), width: 14, value: roleLabel },
      { header: t("col.action"), width: 18, value: (r) => actionLabel(t, r.action) },
      { header: t("col.actionCode"), width: 22, value: (r) => r.action },
      { header: t("col.entityType"), width: 12, value: (r) => entityLabel(t, r.entityType) },
      { header: t("col.entityId"), width: 38, value: (r) => r.entityId },
      { header: t("col.result"), width: 8, value: (r) => te(`auditResult.${r.result}`) },
      { header: t("col.ip"), width: 16, value: (r) => r.ip },
      { header: t("col.userAgent"), width: 40, value: (r) => r.userAgent },
      { header: t("col.details"), width: 60, value: (r) => (r.changes ? JSON.stringify(r.changes) : "") },
    ],
    rows: inBatches(
      async (before: number | null, size) => (await auditExportBatch(user, filter, before, size)) ?? [],
      (r) => r.id,
    ),
  });
}
