import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { sumYuan } from "@/domain/money";
import { ReportStatusBadge } from "@/features/monitoring/components/badges";
import { NoticeList } from "@/features/monitoring/components/notice-list";
import { SourceItems } from "@/features/rectification/components/source-items";
import { IssueNoticeForm } from "@/features/monitoring/components/notice-forms";
import { formatProrated, IndicatorProgressTable } from "@/features/monitoring/components/progress-table";
import { ReportForm } from "@/features/monitoring/components/report-form";
import { ReportFacts, ReportHistory } from "@/features/monitoring/components/report-facts";
import { ReportReviewPanel } from "@/features/monitoring/components/review-panel";
import { WarningSummary } from "@/features/monitoring/components/warning-summary";
import { FILED_STATUSES } from "@/features/monitoring/constants";
import { canReviewReport, EDITABLE_REPORT_STATUSES } from "@/features/monitoring/flow";
import { getReportView } from "@/features/monitoring/report-queries";
import { bureauToday, checkIndicator, isOverdue, periodEnd } from "@/features/monitoring/rules";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { params: Promise<{ id: string }> };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function MonitoringReportPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "monitoring.read")) notFound();
  const [{ id }, t] = await Promise.all([params, getTranslations("monitoring")]);
  if (!GUID.test(id)) notFound();
  // Out of scope reads as not found, like a report that does not exist.
  const view = await getReportView(user, id);
  if (!view) notFound();
  const { report, round, project, thresholds } = view;
  const months = round.periodMonths;
  const budget = sumYuan(project.budgetCurrent, project.budgetCarryover, project.budgetOther);
  const executed = sumYuan(report.executedCurrent, report.executedCarryover, report.executedOther);
  const filed = FILED_STATUSES.includes(report.status);
  const editable = can(user.role, "monitoring.fill") && EDITABLE_REPORT_STATUSES.includes(report.status);
  const reviewStage = canReviewReport(report.status, user.role)
    ? report.status === "SUBMITTED"
      ? "dept"
      : "finance"
    : null;
  const paidUntil = periodEnd(round.year, months);
  const indicators = view.indicators.map((i) => ({
    ...i,
    prorated: formatProrated(checkIndicator(i, "", months, thresholds.deviation).prorated),
  }));

  return (
    <>
      <Link href={`/monitoring/rounds/${round.id}`} className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← {round.name}
      </Link>
      <PageHeader
        title={`${t("report.title")} · ${project.name}`}
        description={`${project.code} · ${view.departmentName} / ${view.unitName} · ${t("period", { months })} · ${t("report.due", { date: round.dueDate })}`}
        actions={
          <>
            {isOverdue(filed, round.dueDate, bureauToday()) && <Badge tone="red">{t("report.overdue")}</Badge>}
            <ReportStatusBadge status={report.status} testId="report-status" />
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-5">
          <Card title={t("warning.title")}>
            <WarningSummary executed={executed} budget={budget} months={months} thresholds={thresholds} filed={filed} />
          </Card>
          {editable ? (
            <ReportForm
              reportId={report.id}
              version={report.version}
              paid={view.paid}
              paidUntil={paidUntil}
              indicators={indicators}
              initial={{
                executed: {
                  CURRENT: report.executedCurrent ?? view.paid?.CURRENT ?? "",
                  CARRYOVER: report.executedCarryover ?? view.paid?.CARRYOVER ?? "",
                  OTHER: report.executedOther ?? view.paid?.OTHER ?? "",
                },
                executedReason: report.executedReason,
                likelihood: report.likelihood ?? "",
                deviationReasons: report.deviationReasons,
                deviationNote: report.deviationNote,
                measures: report.measures,
                progress: view.progress,
              }}
            />
          ) : (
            <>
              <Card title={t("form.indicators")}>
                <IndicatorProgressTable
                  indicators={view.indicators}
                  progress={view.progress}
                  months={months}
                  deviation={thresholds.deviation}
                />
              </Card>
              {report.status !== "NOT_FILED" && <ReportFacts report={report} paid={view.paid} />}
            </>
          )}
          {reviewStage && <ReportReviewPanel reportId={report.id} version={report.version} stage={reviewStage} />}
          <Card title={t("notices.title")}>
            <div className="space-y-5">
              <NoticeList
                notices={view.notices}
                projectId={project.id}
                today={bureauToday()}
                canAnswer={can(user.role, "monitoring.answerNotice")}
                canClose={can(user.role, "monitoring.respond")}
                rectification={(id) => <SourceItems user={user} sourceId={id} param="noticeId" compact />}
              />
              {filed && can(user.role, "monitoring.respond") && (
                <div className="border-t border-slate-100 pt-4">
                  <h3 className="mb-3 text-sm font-semibold text-slate-800">{t("notices.issueTitle")}</h3>
                  <IssueNoticeForm reportId={report.id} />
                </div>
              )}
            </div>
          </Card>
        </div>
        <aside className="space-y-6">
          <Card title={t("report.project")}>
            <p className="text-sm text-slate-800">{project.name}</p>
            <Link href={`/projects/${project.id}`} className="mt-1 inline-block text-sm text-brand-700 hover:underline">
              {t("report.openProject")} →
            </Link>
          </Card>
          <ReportHistory history={view.history} />
        </aside>
      </div>
    </>
  );
}
