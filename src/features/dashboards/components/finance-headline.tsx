import { getTranslations } from "next-intl/server";
import { StatCard } from "@/components/ui/card";
import { integer, money, projectsHref, withDistrict } from "../format";
import type { RectificationSummary } from "../chain-queries";
import type { Headline } from "../queries";
import { TotalsCards } from "./totals-cards";

/** The finance bureau's headline: totals plus 政府投资项目 and the projects the year's rule flags for 事前评估. */
export async function FinanceHeadline({
  data,
  rectification,
  year,
  district,
}: {
  data: Headline;
  rectification: RectificationSummary;
  year: number;
  /** 行政区划 a province-level user picked: links into lists keep it. */
  district?: string;
}) {
  const [t, tc] = await Promise.all([getTranslations("dashboard"), getTranslations("common")]);
  return (
    <TotalsCards
      totals={data}
      year={year}
      district={district}
      unit="yi"
      columns="md:grid-cols-4"
      hints={{
        projects: t("cards.projectsHint", { departments: data.departments }),
        budget: t("cards.budgetHint", { value: money(data.initialBudget, "yi"), unit: tc("unitYi") }),
      }}
    >
      <StatCard
        label={t("cards.investment")}
        value={integer(data.investmentProjects)}
        unit={t("units.projects")}
        hint={t("cards.investmentHint", { value: money(data.investmentBudget, "yi"), unit: tc("unitYi") })}
        href={projectsHref({ year, kind: "GOV_INVESTMENT", district })}
      />
      <StatCard
        label={t("cards.preAssessment")}
        value={integer(data.preAssessmentProjects)}
        unit={t("units.projects")}
        hint={
          data.preAssessmentThreshold === null
            ? undefined
            : t("cards.preAssessmentHint", {
                threshold: money(data.preAssessmentThreshold, "wan").replace(/\.00$/, ""),
                unit: tc("unitWan"),
              })
        }
      />
      <StatCard
        label={t("cards.rectificationOpen")}
        value={integer(rectification.open)}
        unit={t("chain.rectificationItems")}
        hint={t("cards.rectificationOpenHint", {
          closed: integer(rectification.closed),
          total: integer(rectification.total),
        })}
        href={withDistrict("/rectification", district)}
      />
      <StatCard
        label={t("cards.rectificationOverdue")}
        value={integer(rectification.overdue)}
        unit={t("chain.rectificationItems")}
        hint={t("cards.rectificationOverdueHint")}
        href={withDistrict("/rectification?overdue=1", district)}
      />
    </TotalsCards>
  );
}
