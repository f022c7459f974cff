import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { unreadCount } from "@/features/notifications/queries";
import { myFeedback } from "@/features/sampling/feedback-queries";
import type { CurrentUser } from "@/server/session";
import { gradeDistribution } from "../leader-queries";
import { headline, kindBreakdown, lowestExecution, orgBreakdown, stageBreakdown } from "../queries";
import { evaluationResults, returnedItems, warningProjects, workTodos } from "../work-queries";
import { CardNote } from "./chart-card";
import { DashboardHeader } from "./dashboard-header";
import { FeedbackReceived } from "./feedback-received";
import { KindBlock } from "./kind-block";
import { GradeBlock } from "./leader-blocks";
import { LowestExecution } from "./lowest-execution";
import { OrgTable } from "./org-table";
import { ReturnedItems } from "./returned-items";
import { StageBlock } from "./stage-block";
import { TotalsCards } from "./totals-cards";
import { WarningProjects } from "./warning-projects";
import { WorkTodos } from "./work-todos";

/**
 * A department approver's (whole department) or a unit filer's (own unit) view: to-dos with their
 * deadlines first (overdue in red), then what came back and what is at risk, then where the projects
 * stand and how they were graded, and the feedback received.
 */
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
  const [
    t,
    tc,
    totals,
    todos,
    unread,
    returned,
    warnings,
    stages,
    grades,
    feedback,
    results,
    lowest,
    units,
    kinds,
  ] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("common"),
    headline(user, year),
    workTodos(user),
    unreadCount(user.id),
    returnedItems(user),
    warningProjects(user, year, 6),
    stageBreakdown(user, year),
    gradeDistribution(user, year),
    myFeedback(user),
    evaluationResults(user, year),
    lowestExecution(user, year),
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
      <div className="grid items-start gap-4 xl:grid-cols-12">
        <WorkTodos data={todos} unread={unread} className="xl:col-span-7" />
        <div className="space-y-4 xl:col-span-5">
          <WarningProjects data={warnings} year={year} />
          <ReturnedItems data={returned} />
        </div>
      </div>
      <TotalsCards totals={totals} year={year} unit="wan" columns="md:grid-cols-4" />
      <div className="grid items-start gap-4 xl:grid-cols-12">
        <StageBlock rows={stages} year={year} unit="wan" className="xl:col-span-7" />
        <GradeBlock rows={grades} year={year} role={user.role} className="xl:col-span-5" />
      </div>
      <div className="grid items-start gap-4 xl:grid-cols-12">
        <FeedbackReceived feedback={feedback} results={results} year={year} className="xl:col-span-5" />
        <LowestExecution rows={lowest} year={year} className="xl:col-span-7" />
      </div>
      {approver ? (
        <Card
          title={t("orgTable.units")}
          actions={<CardNote>{t("unitNote", { unit: tc("unitWan") })}</CardNote>}
        >
          <OrgTable rows={units} kind="unit" unit="wan" />
        </Card>
      ) : (
        <KindBlock rows={kinds} year={year} unit="wan" />
      )}
    </div>
  );
}
