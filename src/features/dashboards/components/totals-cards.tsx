import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { StatCard } from "@/components/ui/card";
import type { MoneyUnit } from "@/domain/money";
import { integer, money, projectsHref, rate, UNIT_KEY } from "../format";
import type { Totals } from "../queries";

/** 项目数, 全年预算, 执行数 and 执行率 of a year, each opening the project list; role cards follow. */
export async function TotalsCards({
  totals,
  year,
  district,
  unit,
  hints = {},
  columns = "md:grid-cols-3 xl:grid-cols-6",
  children,
}: {
  totals: Totals;
  year: number;
  /** 行政区划 a province-level user picked: links into lists keep it. */
  district?: string;
  unit: MoneyUnit;
  hints?: { projects?: ReactNode; budget?: ReactNode };
  /** The grid's columns by width: full rows of cards where the width allows. */
  columns?: "md:grid-cols-4" | "md:grid-cols-3 xl:grid-cols-5" | "md:grid-cols-3 xl:grid-cols-6";
  children?: ReactNode;
}) {
  const [t, tc] = await Promise.all([getTranslations("dashboard"), getTranslations("common")]);
  const r = rate(totals.executed, totals.budget);
  return (
    <div className={`grid grid-cols-2 gap-3 ${columns}`} data-testid="headline">
      <StatCard
        label={t("cards.projects")}
        value={integer(totals.projects)}
        unit={t("units.projects")}
        hint={hints.projects}
        href={projectsHref({ year, district })}
      />
      <StatCard
        label={t("cards.budget")}
        value={money(totals.budget, unit)}
        unit={tc(UNIT_KEY[unit])}
        hint={hints.budget}
        href={projectsHref({ year, sort: "budget", dir: "desc", district })}
      />
      <StatCard
        label={t("cards.executed")}
        value={money(totals.executed, unit)}
        unit={tc(UNIT_KEY[unit])}
        href={projectsHref({ year, sort: "executed", dir: "desc", district })}
      />
      <StatCard
        label={t("cards.rate")}
        value={r === "—" ? r : r.replace("%", "")}
        unit={r === "—" ? undefined : "%"}
        hint={t("cards.rateHint")}
        href={projectsHref({ year, sort: "rate", dir: "asc", district })}
      />
      {children}
    </div>
  );
}
