import Link from "next/link";
import { useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { formatAmount, formatRate } from "@/features/projects/format";
import type { ReportRow } from "../queries";
import { progressRatio } from "../rules";
import { ColourBadge, ReportStatusBadge } from "./badges";

/** Reports with their figures in 万元 and their warnings, each linking to its page. */
export function ReportTable({ rows, showRound = false }: { rows: ReportRow[]; showRound?: boolean }) {
  const t = useTranslations("monitoring.columns");
  return (
    <Table>
      <thead>
        <tr>
          <Th>{t("project")}</Th>
          <Th>{t("unit")}</Th>
          {showRound && <Th>{t("round")}</Th>}
          <Th>{t("status")}</Th>
          <Th align="right">{t("budget")}</Th>
          <Th align="right">{t("executed")}</Th>
          <Th align="right">{t("rate")}</Th>
          <Th align="right">{t("ratio")}</Th>
          <Th>{t("colour")}</Th>
          <Th align="right">{t("flagged")}</Th>
          <Th align="right">{t("notices")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => {
          const filed = r.status !== "NOT_FILED";
          const ratio = filed ? progressRatio(r.executed, r.budget, r.periodMonths) : null;
          return (
            <tr key={r.id} className="hover:bg-slate-50">
              <Td className="min-w-48">
                <Link
                  href={`/monitoring/reports/${r.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {r.name}
                </Link>
                <div className="num text-xs text-slate-400">{r.code}</div>
              </Td>
              <Td className="min-w-28 text-xs">
                {r.unitName}
                <div className="text-slate-400">{r.departmentName}</div>
              </Td>
              {showRound && <Td className="text-xs">{r.roundName}</Td>}
              <Td>
                <ReportStatusBadge status={r.status} />
              </Td>
              <Td align="right">{formatAmount(r.budget, "wan")}</Td>
              <Td align="right">{filed ? formatAmount(r.executed, "wan") : "—"}</Td>
              <Td align="right">{filed ? formatRate(r.executed, r.budget) : "—"}</Td>
              <Td align="right">{ratio ? `${ratio}%` : "—"}</Td>
              <Td>
                <ColourBadge colour={filed ? r.colour : null} />
              </Td>
              <Td align="right">
                {filed && r.flagged > 0 ? <span className="font-medium text-red-700">{r.flagged}</span> : "—"}
              </Td>
              <Td align="right">{r.openNotices || "—"}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

type Progress = { id: string; name: string; total: number; filed: number; notFiled: number; overdue: number };

/** 填报进度: filed / not filed / overdue, by department. */
export function ProgressTable({ rows, label }: { rows: Progress[]; label: string }) {
  const t = useTranslations("monitoring.progress");
  return (
    <Table aria-label={label}>
      <thead>
        <tr>
          <Th>{t("department")}</Th>
          <Th align="right">{t("total")}</Th>
          <Th align="right">{t("filed")}</Th>
          <Th align="right">{t("notFiled")}</Th>
          <Th align="right">{t("overdue")}</Th>
          <Th align="right">{t("rate")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id}>
            <Td>{r.name}</Td>
            <Td align="right">{r.total}</Td>
            <Td align="right">{r.filed}</Td>
            <Td align="right">{r.notFiled}</Td>
            <Td align="right">
              {r.overdue ? <span className="font-medium text-red-700">{r.overdue}</span> : 0}
            </Td>
            <Td align="right">{r.total ? `${((r.filed * 100) / r.total).toFixed(1)}%` : "—"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
