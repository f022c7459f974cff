import { useTranslations } from "next-intl";
import type { MoneyUnit } from "@/domain/money";
import { formatAmount, formatRate, UNIT_LABEL_KEY } from "../format";
import type { ProjectTotals } from "../queries";
import { MoneyUnitSwitch } from "./money-unit-switch";

/** The totals line of the filtered set (all pages), summed in SQL, and the amount unit switch. */
export function ProjectTotalsBar({
  totals,
  unit,
  unitHref,
}: {
  totals: ProjectTotals;
  unit: MoneyUnit;
  unitHref: (u: MoneyUnit) => string;
}) {
  const t = useTranslations("projects.totals");
  const tc = useTranslations("common");
  const unitLabel = tc(UNIT_LABEL_KEY[unit]);
  const item = "flex items-baseline gap-1.5 whitespace-nowrap";
  return (
    <div
      className="mb-3 flex flex-wrap items-center justify-between gap-x-6 gap-y-2 text-sm"
      data-testid="project-totals"
    >
      <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1">
        <span className="font-semibold text-slate-900" data-testid="project-count">
          {t("count", { count: totals.count.toLocaleString("en-US") })}
        </span>
        <span className={item}>
          <span className="text-slate-500">{t("budget")}</span>
          <span className="num font-medium text-slate-900">{formatAmount(totals.budget, unit)}</span>
          <span className="text-xs text-slate-500">{unitLabel}</span>
        </span>
        <span className={item}>
          <span className="text-slate-500">{t("executed")}</span>
          <span className="num font-medium text-slate-900">{formatAmount(totals.executed, unit)}</span>
          <span className="text-xs text-slate-500">{unitLabel}</span>
        </span>
        <span className={item}>
          <span className="text-slate-500">{t("rate")}</span>
          <span className="num font-medium text-slate-900">{formatRate(totals.executed, totals.budget)}</span>
        </span>
      </div>
      {/* Stays at the right edge when the line wraps. */}
      <div className="ml-auto">
        <MoneyUnitSwitch value={unit} hrefFor={unitHref} />
      </div>
    </div>
  );
}
