import { getTranslations } from "next-intl/server";
import { StatCard } from "@/components/ui/card";
import { formatYearTotals, type YearTotals } from "../rules";

/** The year's 财政再评估 figures, as the annual report states them (亿元, rate from unrounded sums). */
export async function YearTotalsCard({ year, totals }: { year: number; totals: YearTotals }) {
  const [t, tc] = await Promise.all([getTranslations("preAssessment.totals"), getTranslations("common")]);
  const f = formatYearTotals(totals);
  return (
    <section aria-label={t("title", { year })} data-testid="pre-totals" className="mb-5">
      <h2 className="mb-2 text-sm font-semibold text-slate-700">{t("title", { year })}</h2>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t("projects")} value={f.projects} unit={t("unitProjects")} />
        <StatCard label={t("requested")} value={f.requestedYi} unit={tc("unitYi")} />
        <StatCard label={t("cut")} value={f.cutYi} unit={tc("unitYi")} />
        <StatCard label={t("rate")} value={f.cutRate} unit="%" />
      </div>
    </section>
  );
}
