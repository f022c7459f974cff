import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { SamplingFeedbackCard } from "@/features/sampling/components/feedback-card";
import type { CurrentUser } from "@/server/session";
import {
  draftProjects,
  headline,
  kindBreakdown,
  lowestExecution,
  orgBreakdown,
  stageBreakdown,
} from "../queries";
import { CardNote } from "./chart-card";
import { DashboardHeader } from "./dashboard-header";
import { DraftsTodo } from "./drafts-todo";
import { KindBlock } from "./kind-block";
import { LowestExecution } from "./lowest-execution";
import { OrgTable } from "./org-table";
import { StageBlock } from "./stage-block";
import { TotalsCards } from "./totals-cards";

/** A department approver's (whole department) or a unit filer's (own unit) view: to-dos first. */
export async function DepartmentDashboard({
  user,
  year,
  years,
}: {
  user: CurrentUser;
  year: number;
  years: number[];
}) {
  const approver = user.role === "DEPT_APPROVER";
  const [t, tc, totals, drafts, lowest, stages, units, kinds] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("common"),
    headline(user, year),
    draftProjects(user),
    lowestExecution(user, year),
    stageBreakdown(user, year),
    approver ? orgBreakdown(user, year, "unit") : Promise.resolve([]),
    approver ? Promise.resolve([]) : kindBreakdown(user, year),
  ]);
  const role = approver ? "approver" : "filer";
  return (
    <div className="space-y-4" data-testid="dashboard">
      <DashboardHeader
        title={t(`${role}.title`)}
        description={t(`${role}.description`, { org: user.orgName ?? "", year })}
        year={year}
        years={years}
      />
      <TotalsCards totals={totals} year={year} unit="wan" columns="md:grid-cols-4" />
      <SamplingFeedbackCard user={user} />
      <div className="grid items-start gap-4 xl:grid-cols-2">
        <DraftsTodo data={drafts} />
        <LowestExecution rows={lowest} year={year} />
      </div>
      <div className="grid items-start gap-4 xl:grid-cols-12">
        <StageBlock rows={stages} year={year} unit="wan" className="xl:col-span-5" />
        {approver ? (
          <Card
            title={t("orgTable.units")}
            className="xl:col-span-7"
            actions={<CardNote>{t("unitNote", { unit: tc("unitWan") })}</CardNote>}
          >
            <OrgTable rows={units} kind="unit" unit="wan" />
          </Card>
        ) : (
          <KindBlock rows={kinds} year={year} unit="wan" className="xl:col-span-7" />
        )}
      </div>
    </div>
  );
}
