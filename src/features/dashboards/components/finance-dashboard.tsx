import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { provinceScopeName } from "@/features/districts/scope-name";
import type { DistrictView } from "@/features/districts/schemas";
import { readsWholeProvince } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { chainSummary, rectificationSummary } from "../chain-queries";
import { departmentPerformance } from "../department-queries";
import { districtBreakdown, headline, kindBreakdown, orgBreakdown, stageBreakdown } from "../queries";
import { ChainFunnel } from "./chain-funnel";
import { DashboardHeader } from "./dashboard-header";
import { DepartmentPerformanceBlock } from "./department-performance-block";
import { DepartmentRateBlock } from "./department-rate-block";
import { FinanceHeadline } from "./finance-headline";
import { KindBlock } from "./kind-block";
import { OrgTableCard } from "./org-table-card";
import { StageBlock } from "./stage-block";

/**
 * The finance bureau's view of a year: the whole district for the performance division, the covered
 * departments for a business division's reviewer (the queries apply the scope).
 */
export async function FinanceDashboard({
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
  // The whole province (no district picked) is summed up by district: its thousands of departments
  // are a district away.
  const province = readsWholeProvince(user);
  // The district picked: the dashboard's links into lists open on it.
  const district = districts?.selected;
  const [t, tc, data, stages, kinds, departments, chain, performance, rectification] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("common"),
    headline(user, year),
    stageBreakdown(user, year),
    kindBreakdown(user, year),
    province ? districtBreakdown(user, year) : orgBreakdown(user, year, "department"),
    chainSummary(user, year),
    province ? Promise.resolve([]) : departmentPerformance(user, year),
    rectificationSummary(user, year),
  ]);
  const reviewer = user.role === "FINANCE_REVIEWER";
  const role = reviewer ? "reviewer" : "finance";
  // A province-level administrator's view is named after the district chosen, or the province.
  const scope = reviewer ? null : provinceScopeName(user, districts, tc("allDistricts"));
  const header = scope === null ? role : "province";
  return (
    <div className="space-y-4" data-testid="dashboard">
      <DashboardHeader
        title={t(`${header}.title`, { scope: scope ?? "" })}
        description={t(`${header}.description`, {
          org: user.orgName ?? "",
          year,
          departments: data.departments,
          scope: scope ?? "",
        })}
        year={year}
        years={years}
        districts={districts}
      />
      {data.projects === 0 ? (
        <EmptyState title={t("noProjects.title", { year })} body={t(`noProjects.${role}`)} />
      ) : (
        <>
          <FinanceHeadline data={data} rectification={rectification} year={year} district={district} />
          <ChainFunnel
            data={chain}
            rectification={rectification}
            year={year}
            role={user.role}
            district={district}
          />
          {!province && <DepartmentPerformanceBlock rows={performance} year={year} district={district} />}
          <div className="grid gap-4 xl:grid-cols-12">
            <StageBlock rows={stages} year={year} unit="yi" district={district} className="xl:col-span-7" />
            <KindBlock
              rows={kinds}
              year={year}
              unit="yi"
              district={district}
              className="xl:col-span-5 xl:self-start"
            />
          </div>
          <div className="grid items-start gap-4 xl:grid-cols-12">
            <OrgTableCard
              rows={departments}
              province={province}
              year={year}
              district={district}
              className="xl:col-span-7"
            />
            <DepartmentRateBlock rows={departments} districts={province} className="xl:col-span-5" />
          </div>
        </>
      )}
    </div>
  );
}
