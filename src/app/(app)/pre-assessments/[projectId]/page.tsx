import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { AttachmentList } from "@/features/attachments/components/attachment-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { inUnit } from "@/domain/money";
import { BudgetButton } from "@/features/pre-assessment/components/budget-button";
import { ConcludeForm } from "@/features/pre-assessment/components/conclude-form";
import { ExpertScoreForm } from "@/features/pre-assessment/components/expert-score-form";
import { ExpertsPanel } from "@/features/pre-assessment/components/experts-panel";
import { HistoryList } from "@/features/pre-assessment/components/history-list";
import { ReviewPanel } from "@/features/pre-assessment/components/review-panel";
import { PreStatusBadge } from "@/features/pre-assessment/components/status-badge";
import { UnitForm } from "@/features/pre-assessment/components/unit-form";
import { getPreAssessmentDetail } from "@/features/pre-assessment/queries";
import { cutAmount, cutRate, DIMENSIONS, EDITABLE_STATUSES } from "@/features/pre-assessment/rules";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { params: Promise<{ projectId: string }> };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function PreAssessmentPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "preAssessment.read")) notFound();
  const { projectId } = await params;
  // Unknown, malformed and out-of-scope ids all read as not found.
  const detail = GUID.test(projectId) ? await getPreAssessmentDetail(user, projectId) : null;
  if (!detail) notFound();
  const { project, pa, group, members, reviews } = detail;
  const [t, tc, format] = await Promise.all([
    getTranslations("preAssessment"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const status = pa?.status ?? null;
  const filer = can(user.role, "preAssessment.fill");
  const editable =
    filer &&
    (pa
      ? EDITABLE_STATUSES.includes(pa.status)
      : project.stage === "DRAFT" || project.stage === "PRE_ASSESSMENT");
  const initial: Record<string, string> = pa
    ? Object.fromEntries(
        DIMENSIONS.flatMap((d) => [
          [`${d}Score`, pa[`${d}Score`]?.toString() ?? ""],
          [`${d}Text`, pa[`${d}Text`] ?? ""],
        ]),
      )
    : {};
  const finance = can(user.role, "preAssessment.financeReview");
  const mine = reviews.find((r) => r.expertId === user.id);
  const pending = members.some((m) => !reviews.find((r) => r.expertId === m.id && r.submitted));

  return (
    <>
      <PageHeader
        title={project.name}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="num">{project.code}</span>
            <span>{project.unitName}</span>
            <span>{project.departmentName}</span>
            <span>
              {t("detail.requested")} <span className="num">{inUnit(project.requestedAmount, "wan", 2)}</span>{" "}
              {tc("unitWan")}
            </span>
            <PreStatusBadge status={status} />
          </span>
        }
        actions={
          <>
            {can(user.role, "projects.read") && (
              <ButtonLink href={`/projects/${project.id}`} variant="secondary">
                {t("detail.viewProject")}
              </ButtonLink>
            )}
            <ButtonLink
              href={
                user.role === "EXPERT" ? "/pre-assessments/groups" : `/pre-assessments?year=${project.year}`
              }
              variant="secondary"
            >
              {t("detail.back")}
            </ButtonLink>
          </>
        }
      />
      <div className="grid grid-cols-1 gap-5 xl:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-5">
          <Card title={t("form.title")}>
            {pa || editable ? (
              <UnitForm
                projectId={project.id}
                version={pa?.version ?? 0}
                initial={initial}
                editable={editable}
              />
            ) : (
              <p className="text-sm text-slate-500">{t("detail.notStarted")}</p>
            )}
          </Card>
          {finance && pa && (
            <Card title={t("experts.title")}>
              <ExpertsPanel detail={detail} />
            </Card>
          )}
          {user.role === "EXPERT" && pa && group && (
            <Card title={t("score.title")}>
              {mine?.submitted ? (
                <p className="text-sm text-slate-700">{t("score.done")}</p>
              ) : pa.status === "IN_EXPERT_REVIEW" ? (
                <ExpertScoreForm
                  projectId={project.id}
                  version={mine?.version ?? 0}
                  initial={
                    mine
                      ? {
                          ...Object.fromEntries(
                            DIMENSIONS.map((d) => [`${d}Score`, String(mine[`${d}Score`])]),
                          ),
                          opinion: mine.opinion,
                        }
                      : {}
                  }
                />
              ) : null}
            </Card>
          )}
          {pa?.status === "CONCLUDED" && pa.conclusion && pa.recommendedAmount && (
            <Card title={t("conclude.title")}>
              <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4" data-testid="conclusion">
                <div>
                  <dt className="text-slate-500">{t("conclude.conclusion")}</dt>
                  <dd className="font-semibold">{t(`conclusion.${pa.conclusion}`)}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t("conclude.recommended")}</dt>
                  <dd className="num">{inUnit(pa.recommendedAmount, "yuan", 2)}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t("conclude.cut")}</dt>
                  <dd className="num">
                    {inUnit(cutAmount(project.requestedAmount, pa.recommendedAmount), "wan", 2)}{" "}
                    {tc("unitWan")}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t("conclude.rate")}</dt>
                  <dd className="num">{cutRate(project.requestedAmount, pa.recommendedAmount)}%</dd>
                </div>
              </dl>
              {pa.conclusionNote && <p className="mt-3 text-sm text-slate-600">{pa.conclusionNote}</p>}
              {pa.concludedAt && (
                <p className="mt-1 text-xs text-slate-500">
                  {format.dateTime(pa.concludedAt, { dateStyle: "medium" })}
                </p>
              )}
            </Card>
          )}
        </div>
        <div className="space-y-5">
          {pa && user.role === "DEPT_APPROVER" && pa.status === "SUBMITTED" && (
            <Card title={t("review.deptTitle")}>
              <ReviewPanel id={pa.id} version={pa.version} level="dept" />
            </Card>
          )}
          {pa && finance && (pa.status === "DEPT_APPROVED" || pa.status === "FINANCE_REVIEWING") && (
            <Card title={t("review.financeTitle")}>
              <ReviewPanel id={pa.id} version={pa.version} level="finance" />
            </Card>
          )}
          {pa &&
            can(user.role, "preAssessment.conclude") &&
            (pa.status === "FINANCE_REVIEWING" || pa.status === "IN_EXPERT_REVIEW") && (
              <Card title={t("conclude.title")}>
                <ConcludeForm
                  id={pa.id}
                  version={pa.version}
                  requested={project.requestedAmount}
                  expertsPending={pa.status === "IN_EXPERT_REVIEW" && pending}
                />
              </Card>
            )}
          {can(user.role, "projects.markBudgeted") &&
            (project.stage === "PRE_ASSESSMENT" || project.stage === "TARGET_SETTING") && (
              <Card title={t("budget.action")}>
                <BudgetButton projectId={project.id} version={project.version} />
              </Card>
            )}
          {pa ? (
            <AttachmentList
              entityType="preAssessment"
              entityId={pa.id}
              canUpload={editable}
              title={t("detail.attachments")}
            />
          ) : (
            <Card title={t("detail.attachments")}>
              <p className="text-xs text-slate-500">{t("detail.attachmentsPending")}</p>
            </Card>
          )}
          <Card title={t("detail.history")}>
            <HistoryList history={detail.history} />
          </Card>
        </div>
      </div>
    </>
  );
}
