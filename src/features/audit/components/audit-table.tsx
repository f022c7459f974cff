import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { AuditResult } from "@/server/schema/enums";
import { actionLabel, entityLabel, rowUsername, shanghaiDateTime } from "../labels";
import type { AuditListRow } from "../queries";

const RESULT_TONE: Record<AuditResult, BadgeTone> = { SUCCESS: "green", FAILURE: "red", DENIED: "yellow" };

export function AuditTable({ rows }: { rows: AuditListRow[] }) {
  const t = useTranslations("audit");
  const te = useTranslations("enums");
  return (
    <Table>
      <caption className="sr-only">{t("tableCaption")}</caption>
      <thead>
        <tr>
          <Th>{t("col.at")}</Th>
          <Th>{t("col.user")}</Th>
          <Th>{t("col.role")}</Th>
          <Th>{t("col.action")}</Th>
          <Th>{t("col.object")}</Th>
          <Th>{t("col.result")}</Th>
          <Th>{t("col.ip")}</Th>
          <Th>{t("col.details")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 align-top">
        {rows.map((r) => {
          const username = rowUsername(r);
          const details = r.changes ? JSON.stringify(r.changes) : null;
          const [date, time] = shanghaiDateTime(r.at).split(" ");
          return (
            <tr key={r.id} className="hover:bg-slate-50">
              <Td className="num whitespace-nowrap">
                {/* Date and time on two lines where the table is narrow. */}
                {date} <span className="block text-slate-500 2xl:inline 2xl:text-inherit">{time}</span>
              </Td>
              <Td className="font-mono whitespace-nowrap">
                {username ?? "—"}
                {!r.actorUsername && username && (
                  <span className="ml-1 font-sans text-xs text-slate-400">({t("unknownUser")})</span>
                )}
              </Td>
              <Td className="min-w-24">{r.actorRole ? te(`role.${r.actorRole}`) : "—"}</Td>
              <Td className="whitespace-nowrap">
                <span title={r.action}>{actionLabel(t, r.action)}</span>
              </Td>
              <Td className="max-w-36 2xl:max-w-52">
                {r.entityType || r.entityId ? (
                  <>
                    <div className="text-xs text-slate-500">{entityLabel(t, r.entityType)}</div>
                    {r.entityId && (
                      <div className="truncate font-mono text-xs" title={r.entityId}>
                        {r.entityId}
                      </div>
                    )}
                  </>
                ) : (
                  "—"
                )}
              </Td>
              <Td>
                <Badge tone={RESULT_TONE[r.result]}>{te(`auditResult.${r.result}`)}</Badge>
              </Td>
              <Td className="font-mono whitespace-nowrap">{r.ip ?? "—"}</Td>
              <Td>
                {details || r.userAgent ? (
                  <details className="w-48 2xl:w-64">
                    <summary className="cursor-pointer truncate font-mono text-xs text-slate-600 marker:text-slate-400 hover:text-slate-900">
                      {details ?? t("details")}
                    </summary>
                    <pre className="mt-2 max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap break-all text-slate-700">
                      {details ? JSON.stringify(r.changes, null, 2) : ""}
                      {r.userAgent ? `${details ? "\n\n" : ""}${t("col.userAgent")}: ${r.userAgent}` : ""}
                    </pre>
                  </details>
                ) : (
                  <span className="text-slate-400">{t("noDetails")}</span>
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
