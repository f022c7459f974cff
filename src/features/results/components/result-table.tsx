import Link from "next/link";
import { useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { inUnit } from "@/domain/money";
import { SUGGESTION_KIND } from "@/domain/result-application";
import { GradeBadge } from "@/features/self-evaluation/components/grade-badge";
import type { ResultRow } from "../queries";
import { signedPercent } from "./percent";

export function ResultTable({ rows }: { rows: ResultRow[] }) {
  const t = useTranslations("results");
  const te = useTranslations("evaluations.type");
  const tc = useTranslations("common");
  const unit = t("unitNote", { unit: tc("unitWan") });
  return (
    <Table aria-label={t("title")}>
      <thead>
        <tr>
          <Th>{t("col.project")}</Th>
          <Th>{t("col.department")}</Th>
          <Th align="right">{t("col.score")}</Th>
          <Th>
            {t("col.grade")}
            <span className="block text-[11px] font-normal text-slate-500">{t("col.basis")}</span>
          </Th>
          <Th align="right">
            {t("col.budget")}
            <span className="block text-[11px] font-normal text-slate-500">{unit}</span>
          </Th>
          <Th align="right">{t("col.percent")}</Th>
          <Th align="right">
            {t("col.suggested")}
            <span className="block text-[11px] font-normal text-slate-500">{unit}</span>
          </Th>
          <Th>{t("col.disclosed")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.projectId} className="align-top hover:bg-slate-50/70" data-testid="result-row">
            <Td className="min-w-52">
              <Link href={`/projects/${r.projectId}`} className="font-medium text-brand-700 hover:underline">
                {r.name}
              </Link>
              <div className="num mt-0.5 text-xs text-slate-500">{r.code}</div>
            </Td>
            <Td className="break-keep">{r.departmentName}</Td>
            <Td align="right">{r.totalScore ?? "—"}</Td>
            <Td className="whitespace-nowrap">
              <GradeBadge grade={r.grade} />
              <div className="mt-0.5 text-xs text-slate-500">{te(r.type)}</div>
            </Td>
            <Td align="right">{inUnit(r.budget, "wan", 2)}</Td>
            <Td align="right" className="whitespace-nowrap">
              <div>{signedPercent(r.percent)}</div>
              <div className="text-xs text-slate-500">
                {r.adjustedPercent !== null
                  ? t("adjusted", { rule: r.rulePercent })
                  : t(`kind.${SUGGESTION_KIND[r.grade]}`)}
              </div>
            </Td>
            <Td align="right">{inUnit(r.suggested, "wan", 2)}</Td>
            <Td className="whitespace-nowrap">{r.disclosed ? t("disclosedYes") : t("disclosedNo")}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
