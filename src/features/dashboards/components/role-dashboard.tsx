import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { AgencyDashboard } from "@/features/third-party/components/agency-dashboard";
import type { DistrictView } from "@/features/districts/schemas";
import type { CurrentUser } from "@/server/session";
import { AuditDashboard } from "./audit-dashboard";
import { DepartmentDashboard } from "./department-dashboard";
import { FinanceDashboard } from "./finance-dashboard";
import { LeaderDashboard } from "./leader-dashboard";
import { SystemDashboard } from "./system-dashboard";
import { WelcomeDashboard } from "./welcome-dashboard";

/**
 * One page, one dashboard per role. `year` is the chosen fiscal year; `years` those that exist;
 * `districts` a province-level user's district picker (the user is already narrowed to the choice).
 */
export function RoleDashboard({
  user,
  year,
  years,
  districts,
}: {
  user: CurrentUser;
  year: number | null;
  years: number[];
  districts?: DistrictView;
}) {
  switch (user.role) {
    case "SYS_ADMIN":
      return <SystemDashboard user={user} />;
    case "AUDITOR":
      return <AuditDashboard user={user} />;
    case "EXPERT":
      return <WelcomeDashboard user={user} />;
    case "AGENCY":
      return <AgencyDashboard user={user} />;
  }
  // Business dashboards need a fiscal year; a fresh installation has none until finance adds one.
  if (year === null) return <NoYear />;
  switch (user.role) {
    case "FINANCE_ADMIN":
    case "FINANCE_REVIEWER":
      return <FinanceDashboard user={user} year={year} years={years} districts={districts} />;
    case "DEPT_APPROVER":
    case "DEPT_FILER":
      return <DepartmentDashboard user={user} year={year} years={years} />;
    case "LEADER":
      return <LeaderDashboard user={user} year={year} years={years} districts={districts} />;
  }
}

async function NoYear() {
  const t = await getTranslations("dashboard");
  return (
    <div data-testid="dashboard">
      <EmptyState title={t("noYear.title")} body={t("noYear.body")} />
    </div>
  );
}
