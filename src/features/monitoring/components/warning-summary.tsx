import { useTranslations } from "next-intl";
import { formatAmount, formatRate } from "@/features/projects/format";
import { progressRatio, timeElapsedPercent, warningColour, type WarningThresholds } from "../rules";
import { ColourBadge } from "./badges";

/** 预警: execution rate against time elapsed, coloured by the year's current thresholds. */
export function WarningSummary({
  executed,
  budget,
  months,
  thresholds,
  filed,
}: {
  executed: string;
  budget: string;
  months: number;
  thresholds: WarningThresholds;
  filed: boolean;
}) {
  const t = useTranslations("monitoring.warning");
  const colour = filed ? warningColour(executed, budget, months, thresholds) : null;
  const ratio = filed ? progressRatio(executed, budget, months) : null;
  const item = (label: string, value: string) => (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="num mt-0.5 text-base font-semibold text-slate-900">{value}</dd>
    </div>
  );
  return (
    <div>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
        {item(t("budget"), `${formatAmount(budget, "wan")} ${t("wan")}`)}
        {item(t("executed"), filed ? `${formatAmount(executed, "wan")} ${t("wan")}` : "—")}
        {item(t("rate"), filed ? formatRate(executed, budget) : "—")}
        {item(t("elapsed"), `${timeElapsedPercent(months).toFixed(2)}%`)}
        <div>
          <dt className="text-xs text-slate-500">{t("ratio")}</dt>
          <dd className="mt-0.5 flex items-center gap-2">
            <span className="num text-base font-semibold text-slate-900">{ratio ? `${ratio}%` : "—"}</span>
            <ColourBadge colour={colour} testId="warning-colour" />
          </dd>
        </div>
      </dl>
      <p className="mt-3 text-xs text-slate-500">
        {filed ? t("thresholds", { red: thresholds.red, yellow: thresholds.yellow }) : t("notYet")}
      </p>
    </div>
  );
}
