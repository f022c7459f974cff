import { RaiseFromFindings } from "@/features/rectification/components/raise-from-findings";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card, StatCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { inUnit } from "@/domain/money";
import { EvaluationHistory } from "@/features/evaluations/components/history";
import { SheetTable } from "@/features/evaluations/components/sheet-table";
import { FindingsList } from "@/features/key-evaluation/components/findings-list";
import { KeySheetForm } from "@/features/key-evaluation/components/key-sheet-form";
import { ReviewPanel } from "@/features/key-evaluation/components/review-panel";
import { KeyStatusBadge } from "@/features/key-evaluation/components/status-badge";
import { KEY_EDITABLE } from "@/features/key-evaluation/flow";
import { getKeyEvaluation } from "@/features/key-evaluation/queries";
import { formatRate } from "@/features/projects/format";
import { GradeBadge } from "@/features/self-evaluation/components/grade-badge";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { params: Promise<{ id: string }> };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("keyEvaluation");
  return { title: t("title") };
}

export default async function KeyEvaluationPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "keyEvaluation.read")) notFound();
  const { id } = await params;
  // Unknown, malformed and out-of-scope evaluations all read as not found.
  const detail = GUID.test(id) ? await getKeyEvaluation(user, id) : null;
  if (!detail) notFound();
  const { head, lines, findings, history, reviewers } = detail;
  const [t, tc, ts, ta] = await Promise.all([
    getTranslations("keyEvaluation"),
    getTranslations("common"),
    getTranslations("keyEvaluation.status"),
    getTranslations("enums.specialArea"),
  ]);
  const me = reviewers.find((r) => r.id === user.id);
  const scoring = Boolean(me) && can(user.role, "keyEvaluation.score") && KEY_EDITABLE.includes(head.status);
  const reviewing = head.status === "SUBMITTED" && can(user.role, "keyEvaluation.manage");
  const finance = user.role !== "DEPT_FILER" && user.role !== "DEPT_APPROVER";
  const projectLink = head.projectVisible && can(user.role, "projects.read");
  const cutoffs = { excellent: head.gradeExcellent, good: head.gradeGood, pass: head.gradePass };
  const lastReturn =
    head.status === "RETURNED" ? history.findLast((h) => h.toStatus === "RETURNED") : undefined;

  return (
    <>
      <PageHeader
        title={head.name}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="num">{head.code}</span>
            <span>{head.departmentName}</span>
            <span>{head.unitName}</span>
            {head.specialArea !== "GENERAL" && <span>{ta(head.specialArea)}</span>}
            <KeyStatusBadge status={head.status} />
          </span>
        }
        actions={
          <>
            {projectLink && (
              <ButtonLink href={`/projects/${head.projectId}`} variant="secondary">
                {t("detail.project")}
              </ButtonLink>
            )}
            <ButtonLink href={`/key-evaluations?year=${head.year}`} variant="secondary">
              {t("back")}
            </ButtonLink>
          </>
        }
      />
      <div className="grid grid-cols-1 gap-5 xl:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-5">
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <StatCard
              label={t("detail.budget")}
              value={inUnit(head.budgetTotal, "wan", 2)}
              unit={tc("unitWan")}
            />
            <StatCard
              label={t("detail.executed")}
              value={inUnit(head.executedTotal, "wan", 2)}
              unit={tc("unitWan")}
              hint={t("detail.rate", {
                rate: formatRate(head.executedTotal ?? "0", head.budgetTotal ?? "0"),
              })}
            />
            <StatCard label={t("detail.total")} value={head.totalScore ?? "—"} hint={t("detail.totalHint")} />
            <StatCard label={t("detail.grade")} value={<GradeBadge grade={head.grade} />} />
          </div>
          {lastReturn && (
            <div
              className="rounded-md border border-red-200 bg-red-50 px-3.5 py-2.5 text-sm text-red-800"
              role="status"
            >
              <p className="font-medium">{t("detail.returned", { by: lastReturn.actorName ?? "—" })}</p>
              <p className="mt-0.5 whitespace-pre-wrap">{lastReturn.comment}</p>
            </div>
          )}
          <Card title={t("detail.sheet", { template: head.templateName ?? "—" })}>
            {scoring ? (
              <KeySheetForm
                evaluationId={head.id}
                version={head.version}
                lines={lines}
                cutoffs={cutoffs}
                summary={head.summary}
                findings={findings}
                lead={me?.lead === 1}
              />
            ) : (
              <SheetTable lines={lines} caption={t("detail.sheetCaption")} />
            )}
          </Card>
          {!scoring && (
            <>
              <Card title={t("detail.summary")}>
                <p className="text-sm whitespace-pre-wrap text-slate-800">{head.summary || "—"}</p>
              </Card>
              {head.status === "SETTLED" && can(user.role, "rectification.raise") ? (
                <RaiseFromFindings user={user} evaluationId={head.id} />
              ) : (
                <Card title={t("detail.findings")}>
                  <FindingsList findings={findings} />
                </Card>
              )}
            </>
          )}
        </div>
        <div className="space-y-5">
          {reviewing && (
            <Card title={t("review.title")}>
              <ReviewPanel evaluationId={head.id} version={head.version} />
            </Card>
          )}
          <Card title={t("detail.facts")}>
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="text-slate-500">{t("detail.template")}</dt>
                <dd className="text-slate-800">{head.templateName ?? "—"}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("detail.dueDate")}</dt>
                <dd className="num text-slate-800">{head.dueDate ?? "—"}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("detail.reviewers")}</dt>
                <dd className="text-slate-800">
                  {reviewers.map((r, i) => (
                    <span key={r.id}>
                      {i > 0 && "、"}
                      {r.name}
                      {r.lead === 1 && <span className="text-xs text-slate-500">{t("detail.leadMark")}</span>}
                    </span>
                  ))}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("detail.status")}</dt>
                <dd className="text-slate-800">{ts(head.status)}</dd>
              </div>
            </dl>
          </Card>
          {finance && (
            <Card title={t("detail.history")}>
              <EvaluationHistory entries={history} statusLabel={(s) => (ts.has(s) ? ts(s) : s)} />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
