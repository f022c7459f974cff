import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { inUnit } from "@/domain/money";
import type { PreListRow } from "../queries";
import { cutRate } from "../rules";
import { PreStatusBadge } from "./status-badge";

/** The year's projects needing a pre-assessment; the ones with none yet are highlighted. */
export async function PreListTable({ rows }: { rows: PreListRow[] }) {
  const t = await getTranslations("preAssessment");
  if (rows.length === 0) return <EmptyState title={t("list.empty")} />;
  return (
    <Table>
      <thead>
        <tr>
          <Th>{t("list.code")}</Th>
          <Th>{t("list.name")}</Th>
          <Th>{t("list.unit")}</Th>
          <Th align="right">{t("list.requested")}</Th>
          <Th>{t("list.status")}</Th>
          <Th align="right">{t("list.recommended")}</Th>
          <Th align="right">{t("list.cutRate")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr
            key={r.projectId}
            className={r.status ? "" : "bg-amber-50/70"}
            data-missing={r.status ? undefined : "true"}
          >
            <Td className="num whitespace-nowrap">{r.code}</Td>
            <Td className="min-w-56">
              <Link href={`/pre-assessments/${r.projectId}`} className="text-brand-700 hover:underline">
                {r.name}
              </Link>
            </Td>
            <Td className="text-xs">
              {r.unitName}
              <div className="text-slate-500">{r.departmentName}</div>
            </Td>
            <Td align="right">{inUnit(r.requestedAmount, "wan", 2)}</Td>
            <Td>
              <PreStatusBadge status={r.status} />
              {r.conclusion && (
                <div className="mt-1 text-xs text-slate-600">{t(`conclusion.${r.conclusion}`)}</div>
              )}
            </Td>
            <Td align="right">{r.recommendedAmount ? inUnit(r.recommendedAmount, "wan", 2) : "—"}</Td>
            <Td align="right">
              {r.recommendedAmount ? `${cutRate(r.requestedAmount, r.recommendedAmount)}%` : "—"}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
