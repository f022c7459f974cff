import { useTranslations } from "next-intl";
import { StatCard } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { sumYuan, type MoneyUnit } from "@/domain/money";
import { formatAmount, formatRate, UNIT_LABEL_KEY } from "../format";
import type { ProjectDetail } from "../queries";

const SOURCES = ["current", "carryover", "other"] as const;

/** 资金情况: 申报数, 年初预算数, then 全年预算数 and 执行数 by funding source with totals and rates. */
export function ProjectAmounts({ project, unit }: { project: ProjectDetail; unit: MoneyUnit }) {
  const t = useTranslations("projects.detail");
  const tp = useTranslations("projects");
  const te = useTranslations("enums.fundingSource");
  const tc = useTranslations("common");
  const unitLabel = tc(UNIT_LABEL_KEY[unit]);
  const budget = {
    current: project.budgetCurrent,
    carryover: project.budgetCarryover,
    other: project.budgetOther,
  };
  const executed = {
    current: project.executedCurrent,
    carryover: project.executedCarryover,
    other: project.executedOther,
  };
  const budgetTotal = sumYuan(...Object.values(budget));
  const executedTotal = sumYuan(...Object.values(executed));
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatCard
          label={t("requested")}
          value={formatAmount(project.requestedAmount, unit)}
          unit={unitLabel}
        />
        <StatCard
          label={t("initialBudget")}
          value={formatAmount(project.initialBudget, unit)}
          unit={unitLabel}
        />
        <StatCard label={t("budget")} value={formatAmount(budgetTotal, unit)} unit={unitLabel} />
        <StatCard
          label={t("executed")}
          value={formatAmount(executedTotal, unit)}
          unit={unitLabel}
          hint={`${t("rate")} ${formatRate(executedTotal, budgetTotal)}`}
        />
      </div>
      <Table>
        <thead>
          <tr>
            <Th>{t("fundingSource")}</Th>
            <Th align="right">{tp("withUnit", { label: t("budget"), unit: unitLabel })}</Th>
            <Th align="right">{tp("withUnit", { label: t("executed"), unit: unitLabel })}</Th>
            <Th align="right">{t("rate")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {SOURCES.map((s) => (
            <tr key={s}>
              <Td>{te(s)}</Td>
              <Td align="right">{formatAmount(budget[s], unit)}</Td>
              <Td align="right">{formatAmount(executed[s], unit)}</Td>
              <Td align="right">{formatRate(executed[s], budget[s])}</Td>
            </tr>
          ))}
          <tr className="bg-slate-50 font-semibold">
            <Td className="text-slate-900">{t("total")}</Td>
            <Td align="right" className="text-slate-900">
              {formatAmount(budgetTotal, unit)}
            </Td>
            <Td align="right" className="text-slate-900">
              {formatAmount(executedTotal, unit)}
            </Td>
            <Td align="right" className="text-slate-900">
              {formatRate(executedTotal, budgetTotal)}
            </Td>
          </tr>
        </tbody>
      </Table>
    </div>
  );
}
