import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { AttachmentList } from "@/features/attachments/components/attachment-list";
import { EvaluationForm } from "@/features/self-evaluation/components/evaluation-form";
import { EvaluationHistory, EvaluationReadOnly } from "@/features/self-evaluation/components/evaluation-view";
import { ReviewPanel } from "@/features/self-evaluation/components/review-panel";
import { SelfStatusBadge } from "@/features/self-evaluation/components/status-badge";
import { EDITABLE_STATUSES, reviewStage } from "@/features/self-evaluation/flow";
import { getSelfEvaluationView } from "@/features/self-evaluation/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { params: Promise<{ projectId: string }> };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function SelfEvaluationPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "selfEvaluation.read")) notFound();
  const [{ projectId }, t] = await Promise.all([params, getTranslations("selfEvaluation")]);
  if (!GUID.test(projectId)) notFound();
  // Out of scope reads as not found, like a project that does not exist.
  const view = await getSelfEvaluationView(user, projectId);
  if (!view) notFound();
  const { project, evaluation: ev } = view;
  const editable = Boolean(
    ev && can(user.role, "selfEvaluation.fill") && EDITABLE_STATUSES.includes(ev.status),
  );
  const stage = ev ? reviewStage(ev.status, user.role) : null;
  const lastReturn = ev?.status === "RETURNED" ? view.history.find((h) => h.to === "RETURNED") : undefined;

  return (
    <>
      <Link
        href={`/self-evaluations?year=${project.year}`}
        className="mb-2 inline-block text-sm text-brand-700 hover:underline"
      >
        ← {t("back")}
      </Link>
      <PageHeader
        title={`${t("sheetTitle")} · ${project.name}`}
        description={`${project.code} · ${project.departmentName} / ${project.unitName} · ${t("yearLabel", { year: project.year })}${view.round ? ` · ${t("dueLabel", { due: view.round.dueDate })}` : ""}`}
        actions={ev && <SelfStatusBadge status={ev.status} testId="evaluation-status" />}
      />
      {lastReturn && (
        <Alert tone="warning" className="mb-4">
          {t("returnedBecause", { comment: lastReturn.comment })}
        </Alert>
      )}
      {/* The score sheet is wide: it takes the full width, history and evidence sit below it. */}
      <div className="space-y-6">
        <div className="min-w-0 space-y-5">
          {!ev ? (
            <Alert tone="info">{view.round ? t("notCreated") : t("noRound", { year: project.year })}</Alert>
          ) : editable ? (
            <>
              {view.lines.length === 0 && <Alert tone="warning">{t("noTargets")}</Alert>}
              <p className="text-sm text-slate-600">
                {t("rules", {
                  weight: view.rules.executionWeight,
                  excellent: view.rules.cutoffs.excellent,
                  good: view.rules.cutoffs.good,
                  pass: view.rules.cutoffs.pass,
                })}
              </p>
              <EvaluationForm
                evaluationId={ev.id}
                version={ev.version}
                lines={view.lines.map((l) => ({
                  id: l.id,
                  level1: l.level1,
                  level2: l.level2,
                  name: l.name,
                  targetText: l.targetText,
                  maxPoints: l.maxPoints,
                  actualValue: l.actualValue,
                  points: l.points === null ? "" : String(Number(l.points)),
                  note: l.note,
                }))}
                budgetTotal={ev.budgetTotal ?? ""}
                executedTotal={ev.executedTotal ?? ""}
                summary={ev.summary}
                improvement={ev.improvement}
                cutoffs={view.rules.cutoffs}
                executionWeight={view.rules.executionWeight}
              />
            </>
          ) : ev.status === "DRAFT" || ev.status === "RETURNED" ? (
            <Alert tone="info">{t("notFiledYet")}</Alert>
          ) : (
            <EvaluationReadOnly view={view} />
          )}
          {ev && stage && (
            <ReviewPanel
              evaluationId={ev.id}
              version={ev.version}
              stage={stage}
              canReceive={ev.status !== "RECEIVED"}
            />
          )}
        </div>
        <aside className="grid gap-6 lg:grid-cols-2">
          <EvaluationHistory history={view.history} />
          {ev && (
            <AttachmentList
              entityType="evaluation"
              entityId={ev.id}
              canUpload={editable}
              title={t("attachments")}
            />
          )}
        </aside>
      </div>
    </>
  );
}
