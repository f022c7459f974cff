import { getTranslations } from "next-intl/server";
import { StatCard } from "@/components/ui/card";
import { provinceScopeName } from "@/features/districts/scope-name";
import type { DistrictView } from "@/features/districts/schemas";
import { readsWholeProvince } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { integer, money, projectsHref, withDistrict } from "../format";
import { chainSummary, rectificationSummary } from "../chain-queries";
import { departmentPerformance } from "../department-queries";
import { gradeDistribution, preAssessmentTrend } from "../leader-queries";
import { districtBreakdown, headline, kindBreakdown, orgBreakdown, yearTrend } from "../queries";
import { ChainFunnel } from "./chain-funnel";
import { DashboardHeader } from "./dashboard-header";
import { KindBlock } from "./kind-block";
import { GradeBlock, PreAssessmentTrendBlock, SelfRankingBlock } from "./leader-blocks";
import { OrgTableCard } from "./org-table-card";
import { RankingBlock } from "./ranking-block";
import { TotalsCards } from "./totals-cards";
import { TrendBlock } from "./trend-block";

/** Read-only figures for 区委区政府 and 区人大: the year, the trend across years, the departments. */
export async function LeaderDashboard({
  user,
  year,
  years,
  districts,
}: {
  user: CurrentUser;
  year: number;
  years: number[];
  districts?: DistrictView;
}) {
  // The whole province (no district picked) is summed up by district, as on finance's page.
  const province = readsWholeProvince(user);
  // The district picked: the dashboard's links into lists open on it.
  const district = districts?.selected;
  const [t, tc, data, kinds, trend, departments, chain, grades, pre, performance, rectification] =
    await Promise.all([
      getTranslations("dashboard"),
      getTranslations("common"),
      headline(user, year),
      kindBreakdown(user, year),
      yearTrend(user),
      province ? districtBreakdown(user, year) : orgBreakdown(user, year, "department"),
      chainSummary(user, year),
      gradeDistribution(user, year),
      preAssessmentTrend(user),
      province ? Promise.resolve([]) : departmentPerformance(user, year),
      rectificationSummary(user, year),
    ]);
  const scope = provinceScopeName(user, districts, tc("allDistricts"));
  return (
    <div className="space-y-4" data-testid="dashboard">
      <DashboardHeader
        title={t("leader.title")}
        description={
          scope === null
            ? t("leader.description", { year })
            : t("leader.provinceDescription", { year, scope })
        }
        year={year}
        years={years}
        districts={districts}
      />
      <TotalsCards
        totals={data}
        year={year}
        district={district}
        unit="yi"
        columns="md:grid-cols-3 xl:grid-cols-6"
        hints={{ projects: t("cards.projectsHint", { departments: data.departments }) }}
      >
        <StatCard
          label={t("cards.investment")}
          value={integer(data.investmentProjects)}
          unit={t("units.projects")}
          hint={t("cards.investmentHint", { value: money(data.investmentBudget, "yi"), unit: tc("unitYi") })}
          href={projectsHref({ year, kind: "GOV_INVESTMENT", district })}
        />
        <StatCard
          label={t("cards.rectificationOverdue")}
          value={integer(rectification.overdue)}
          unit={t("chain.rectificationItems")}
          hint={t("cards.rectificationOpenHint", {
            closed: integer(rectification.closed),
            total: integer(rectification.total),
          })}
          href={withDistrict("/rectification?overdue=1", district)}
        />
      </TotalsCards>
      <ChainFunnel
        data={chain}
        rectification={rectification}
        year={year}
        role={user.role}
        district={district}
      />
      <GradeBlock rows={grades} year={year} role={user.role} district={district} />
      <div className="grid items-start gap-4 xl:grid-cols-12">
        <PreAssessmentTrendBlock
          trend={trend}
          pre={pre}
          role={user.role}
          district={district}
          className={province ? "xl:col-span-12" : "xl:col-span-6"}
        />
        {!province && (
          <SelfRankingBlock
            rows={performance}
            year={year}
            role={user.role}
            district={district}
            className="xl:col-span-6"
          />
        )}
      </div>
      <div className="grid items-start gap-4 xl:grid-cols-12">
        <TrendBlock rows={trend} className="xl:col-span-7" />
        <KindBlock rows={kinds} year={year} unit="yi" district={district} className="xl:col-span-5" />
      </div>
      <div className="grid items-start gap-4 xl:grid-cols-12">
        <RankingBlock rows={departments} districts={province} className="xl:col-span-5" />
        <OrgTableCard
          rows={departments}
          province={province}
          year={year}
          district={district}
          initialRows={10}
          className="xl:col-span-7"
        />
      </div>
    </div>
  );
}
