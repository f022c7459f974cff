import { RaiseFromFindings } from "@/features/rectification/components/raise-from-findings";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { inUnit } from "@/domain/money";
import { AttachmentList } from "@/features/attachments/components/attachment-list";
import { RATING_CRITERIA, type RatingCriterion } from "@/features/agencies/rules";
import { EvaluationHistory } from "@/features/evaluations/components/history";
import { SheetTable } from "@/features/evaluations/components/sheet-table";
import { findingsOf, historyOf, sheetLines } from "@/features/evaluations/sheet-queries";
import { GradeBadge } from "@/features/self-evaluation/components/grade-badge";
import { DeadlineNote, EngagementStatusBadge } from "@/features/third-party/components/badges";
import { DeclareForm } from "@/features/third-party/components/declare-form";
import { RatingForm } from "@/features/third-party/components/rating-form";
import { ReportForm } from "@/features/third-party/components/report-form";
import { ReviewPanel } from "@/features/third-party/components/review-panel";
import { cutoffsOf, getEngagement, lastReturn, staffOf } from "@/features/third-party/queries";
import { AGENCY_EDITABLE, daysLeft, isOverdue, startStatus } from "@/features/third-party/rules";
import { todayInChina } from "@/features/third-party/service";
import { db } from "@/server/db";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = {
  params: Promise<{ evaluationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("thirdParty"))("detailTitle") };
}

export default async function EngagementPage({ params, searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "thirdParty.read")) notFound();
  const [{ evaluationId }, raw, t, format] = await Promise.all([
    params,
    searchParams,
    getTranslations("thirdParty"),
    getFormatter(),
  ]);
  if (!GUID.test(evaluationId)) notFound();
  // Out of scope (another agency's, another department's, not yet accepted) reads as not found.
  const view = await getEngagement(user, evaluationId);
  if (!view) notFound();
  const { engagement: en, evaluation: ev } = view;
  const deptWide = ev.type === "DEPT_OVERALL";
  const ownAgency = user.role === "AGENCY" && user.orgId === en.agencyId;
  const awaitingDeclaration = !en.declaredAt && ev.status === startStatus(ev.type);
  const agencyWriting = ownAgency && Boolean(en.declaredAt) && AGENCY_EDITABLE.includes(ev.status);
  const [lines, findings, history, cutoffs, staff, returned] = await Promise.all([
    sheetLines(db, ev.id),
    findingsOf(db, ev.id),
    historyOf(db, ev.id),
    cutoffsOf(ev.year),
    ownAgency && awaitingDeclaration ? staffOf(en.agencyId) : Promise.resolve([]),
    ev.status === "RETURNED" ? lastReturn(ev.id) : Promise.resolve(null),
  ]);
  const subject = view.projectName ?? t("deptOverallName", { name: view.subjectName ?? "" });
  const today = todayInChina();
  const overdue = isOverdue(en.deadline, ev.status, today);
  const when = (d: Date | null) =>
    d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—";
  const fact = (label: string, value: React.ReactNode, wide = false) => (
    <div className={wide ? "sm:col-span-2 lg:col-span-3" : undefined}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-0.5 whitespace-pre-line text-slate-800">{value || "—"}</dd>
    </div>
  );
  const statusLabel = (s: string) => (t.has(`status.${s}`) ? t(`status.${s}`) : s);
  const showSheet = !agencyWriting && !awaitingDeclaration;

  return (
    <>
      <Link href="/third-party" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader
        title={subject}
        description={`${deptWide ? t("deptOverallKind") : t("projectKind")} · ${ev.year} · ${view.agencyName}`}
        actions={
          <span data-testid="engagement-status">
            <EngagementStatusBadge status={ev.status} />
          </span>
        }
      />
      {raw.engaged && (
        <Alert tone="success" className="mb-4">
          {t("engage.done")}
        </Alert>
      )}
      {returned && ev.status === "RETURNED" && (
        <Alert tone="warning" className="mb-4">
          <span className="font-medium">{t("returnedBanner")}</span>
          <span className="mt-1 block whitespace-pre-wrap" data-testid="return-reason">
            {returned.comment}
          </span>
        </Alert>
      )}

      <Card title={t("facts.title")}>
        <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {fact(
            t("facts.subject"),
            view.projectId && can(user.role, "projects.read") ? (
              <Link href={`/projects/${view.projectId}`} className="text-brand-700 hover:underline">
                {view.projectCode} {view.projectName}
              </Link>
            ) : (
              (view.projectCode ? `${view.projectCode} ` : "") + subject
            ),
          )}
          {fact(t("facts.department"), view.departmentName)}
          {fact(
            t("facts.agency"),
            can(user.role, "agencies.read") ? (
              <Link href={`/agencies/${en.agencyId}`} className="text-brand-700 hover:underline">
                {view.agencyName}
              </Link>
            ) : (
              view.agencyName
            ),
          )}
          {fact(t("facts.fee"), t("wan", { amount: inUnit(en.fee, "wan") }))}
          {fact(
            t("facts.deadline"),
            <span className="inline-flex flex-wrap items-center gap-2">
              <span className="num">{en.deadline}</span>
              {ev.status !== "SUBMITTED" && ev.status !== "SETTLED" && (
                <DeadlineNote overdue={overdue} days={daysLeft(en.deadline, today)} />
              )}
            </span>,
          )}
          {fact(t("facts.engaged"), `${view.engagedByName ?? "—"} · ${when(en.engagedAt)}`)}
          {ev.budgetTotal !== null &&
            fact(t("facts.budget"), t("wan", { amount: inUnit(ev.budgetTotal, "wan") }))}
          {ev.executedTotal !== null &&
            fact(t("facts.executed"), t("wan", { amount: inUnit(ev.executedTotal, "wan") }))}
          {ev.totalScore !== null &&
            fact(
              t("facts.result"),
              <span className="inline-flex items-center gap-2" data-testid="engagement-result">
                <span className="num font-semibold">{ev.totalScore}</span>
                <GradeBadge grade={ev.grade} />
                {deptWide && ev.selfTotalScore && (
                  <span className="text-xs text-slate-500">
                    {t("facts.selfTotal", { total: ev.selfTotalScore })}
                  </span>
                )}
              </span>,
            )}
          {fact(t("facts.scope"), en.scope, true)}
        </dl>
      </Card>

      <Card title={t("declare.title")} className="mt-5">
        {en.declaredAt ? (
          <div className="space-y-3 text-sm" data-testid="declaration">
            <p className="text-slate-600">
              {t("declare.declaredBy", { name: view.declaredByName ?? "—", at: when(en.declaredAt) })}
            </p>
            <p className="rounded-md bg-slate-50 p-3 whitespace-pre-wrap text-slate-800">{en.declaration}</p>
            <div>
              <span className="text-slate-500">{t("declare.team")}：</span>
              {view.team.map((s) => s.name + (s.title ? `（${s.title}）` : "")).join("、") || "—"}
            </div>
          </div>
        ) : ownAgency && awaitingDeclaration ? (
          <DeclareForm
            evaluationId={ev.id}
            version={ev.version}
            staff={staff}
            standardText={t("declare.standard", { agency: view.agencyName, subject })}
          />
        ) : (
          <p className="text-sm text-slate-500">{t("declare.pending")}</p>
        )}
      </Card>

      {agencyWriting && (
        <Card title={t("report.title")} className="mt-5">
          <ReportForm
            evaluationId={ev.id}
            version={ev.version}
            lines={lines}
            showSelf={deptWide}
            cutoffs={cutoffs}
            summary={ev.summary}
            findings={findings}
          />
        </Card>
      )}

      {showSheet && (
        <Card title={t("report.sheetTitle")} className="mt-5">
          <SheetTable lines={lines} showSelf={deptWide} caption={t("report.sheetTitle")} />
          <h3 className="mt-5 mb-2 text-sm font-semibold text-slate-800">{t("report.summary")}</h3>
          <p className="text-sm whitespace-pre-wrap text-slate-700" data-testid="report-summary">
            {ev.summary || t("report.noSummary")}
          </p>
          <h3 className="mt-5 mb-2 text-sm font-semibold text-slate-800">{t("report.findings")}</h3>
          {findings.length === 0 ? (
            <p className="text-sm text-slate-500">{t("report.noFindings")}</p>
          ) : (
            <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
              {findings.map((f) => (
                <li key={f.id}>
                  <p>{f.problem}</p>
                  {(f.requirement || f.dueDate) && (
                    <p className="text-xs text-slate-500">
                      {f.requirement}
                      {f.dueDate ? `（${t("report.dueBy", { date: f.dueDate })}）` : ""}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </Card>
      )}

      <div className="mt-5 grid items-start gap-5 xl:grid-cols-2">
        <AttachmentList
          entityType="engagement"
          entityId={ev.id}
          canUpload={agencyWriting}
          title={t("files.report")}
        />
        {view.projectId && ownAgency && (
          <AttachmentList entityType="project" entityId={view.projectId} title={t("files.project")} />
        )}
      </div>

      {can(user.role, "thirdParty.review") && ev.status === "SUBMITTED" && (
        <Card title={t("review.title")} className="mt-5">
          <ReviewPanel evaluationId={ev.id} version={ev.version} />
        </Card>
      )}

      {ev.status === "SETTLED" &&
        (view.rating || can(user.role, "thirdParty.rate")) &&
        user.role !== "DEPT_FILER" &&
        user.role !== "DEPT_APPROVER" && (
          <Card title={t("rating.title")} className="mt-5">
            {view.rating ? (
              <div data-testid="engagement-rating">
                <Table aria-label={t("rating.title")}>
                  <thead>
                    <tr>
                      {(Object.keys(RATING_CRITERIA) as RatingCriterion[]).map((k) => (
                        <Th key={k} align="right">
                          {t(`rating.criteria.${k}`, { max: RATING_CRITERIA[k] })}
                        </Th>
                      ))}
                      <Th align="right">{t("rating.score")}</Th>
                      <Th>{t("rating.ratedOn")}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      {(Object.keys(RATING_CRITERIA) as RatingCriterion[]).map((k) => (
                        <Td key={k} align="right">
                          {view.rating!.breakdown[k] ?? "—"}
                        </Td>
                      ))}
                      <Td align="right" className="font-semibold">
                        {view.rating.score}
                      </Td>
                      <Td className="num">{view.rating.ratedOn}</Td>
                    </tr>
                  </tbody>
                </Table>
                {view.rating.comment && <p className="mt-3 text-sm text-slate-700">{view.rating.comment}</p>}
              </div>
            ) : (
              <RatingForm evaluationId={ev.id} />
            )}
          </Card>
        )}

      {ev.status === "SETTLED" && (
        <div className="mt-5">
          <RaiseFromFindings user={user} evaluationId={ev.id} />
        </div>
      )}

      <Card title={t("historyTitle")} className="mt-5">
        <EvaluationHistory entries={history} statusLabel={statusLabel} />
      </Card>
    </>
  );
}
