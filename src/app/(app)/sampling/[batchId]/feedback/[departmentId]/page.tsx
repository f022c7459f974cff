import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inUnit } from "@/domain/money";
import { AcknowledgeButton } from "@/features/sampling/components/acknowledge-button";
import { GradeBadge } from "@/features/sampling/components/badges";
import { FeedbackForm } from "@/features/sampling/components/feedback-form";
import { PrintButton } from "@/features/sampling/components/print-button";
import { feedbackDocument } from "@/features/sampling/feedback-queries";
import { gapText } from "@/features/sampling/format";
import { SourceItems } from "@/features/rectification/components/source-items";
import { can } from "@/server/permissions";
import { mayActOn } from "@/server/scope";
import { requireUser } from "@/server/session";

type Props = { params: Promise<{ batchId: string; departmentId: string }> };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The page prints as an A4 document: the shell and the forms are left out (no-print).
const PRINT_CSS = "@page { size: A4; margin: 18mm 16mm; }";

export default async function FeedbackPage({ params }: Props) {
  const user = await requireUser();
  const finance = can(user.role, "sampling.feedback");
  if (!finance && !can(user.role, "sampling.feedbackRead")) notFound();
  const { batchId, departmentId } = await params;
  const doc =
    GUID.test(batchId) && GUID.test(departmentId)
      ? await feedbackDocument(user, batchId, departmentId)
      : null;
  if (!doc) notFound();
  const { head, rows } = doc;
  const [t, tc, format] = await Promise.all([
    getTranslations("sampling"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const published = head.status === "PUBLISHED";
  const allSettled = rows.every((r) => r.status === "SETTLED");
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });

  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-3">
        <ButtonLink href={finance ? `/sampling/${batchId}` : "/sampling/feedback"} variant="secondary">
          {t("back")}
        </ButtonLink>
        <div className="flex items-center gap-2">
          {published && !head.acknowledgedAt && can(user.role, "sampling.acknowledge") && head.feedbackId && (
            <AcknowledgeButton id={head.feedbackId} version={head.version!} />
          )}
          <PrintButton />
        </div>
      </div>
      <article
        className="mx-auto max-w-[210mm] rounded-lg border border-slate-200 bg-white px-10 py-10 shadow-xs print:max-w-none print:border-0 print:p-0 print:shadow-none"
        aria-labelledby="feedback-title"
      >
        <h1 id="feedback-title" className="text-center text-xl font-bold tracking-wide text-slate-900">
          {t("feedback.docTitle", { year: head.year })}
        </h1>
        <p className="mt-2 text-center text-sm text-slate-500">{head.batchName}</p>
        <p className="mt-6 text-sm font-medium text-slate-900">
          {t("feedback.salutation", { department: head.departmentName })}
        </p>
        <p className="mt-2 text-sm leading-7 text-slate-800">
          {t("feedback.intro", { year: head.year, count: rows.length })}
        </p>
        <h2 className="mt-6 text-sm font-semibold text-slate-900">{t("feedback.scoresHeading")}</h2>
        <table className="mt-2 w-full border-collapse text-xs">
          <thead>
            <tr className="border-y border-slate-400 text-left">
              <th scope="col" className="py-1.5 pr-2 font-semibold">
                {t("col.code")}
              </th>
              <th scope="col" className="py-1.5 pr-2 font-semibold">
                {t("col.project")}
              </th>
              <th scope="col" className="py-1.5 pr-2 text-right font-semibold">
                {t("col.budgetWan")}
              </th>
              <th scope="col" className="py-1.5 pr-2 text-right font-semibold">
                {t("col.selfScore")}
              </th>
              <th scope="col" className="py-1.5 pr-2 text-right font-semibold">
                {t("col.sampledScore")}
              </th>
              <th scope="col" className="py-1.5 pr-2 text-right font-semibold">
                {t("col.gap")}
              </th>
              <th scope="col" className="py-1.5 font-semibold">
                {t("col.grade")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.projectId} className="border-b border-slate-200 align-top">
                <td className="num py-1.5 pr-2 whitespace-nowrap">{r.code}</td>
                <td className="py-1.5 pr-2">
                  {r.name}
                  <div className="text-slate-500">{r.unitName}</div>
                </td>
                <td className="num py-1.5 pr-2 text-right">{inUnit(r.budget, "wan", 2)}</td>
                <td className="num py-1.5 pr-2 text-right">{r.selfTotal ?? "—"}</td>
                <td className="num py-1.5 pr-2 text-right">{r.sampledTotal ?? "—"}</td>
                <td className="num py-1.5 pr-2 text-right">{gapText(r.selfTotal, r.sampledTotal)}</td>
                <td className="py-1.5">
                  <GradeBadge grade={r.sampledGrade} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-1 text-xs text-slate-500">{t("feedback.unitNote", { unit: tc("unitWan") })}</p>
        {(published || !finance) && (
          <>
            <h2 className="mt-6 text-sm font-semibold text-slate-900">{t("feedback.problemsHeading")}</h2>
            <p className="mt-2 text-sm leading-7 whitespace-pre-line text-slate-800">{head.problems}</p>
            <h2 className="mt-6 text-sm font-semibold text-slate-900">{t("feedback.requirementsHeading")}</h2>
            <p className="mt-2 text-sm leading-7 whitespace-pre-line text-slate-800">{head.requirements}</p>
            <p className="mt-10 text-right text-sm text-slate-800">{t("feedback.issuer")}</p>
            {head.publishedAt && (
              <p className="text-right text-sm text-slate-800">{date(head.publishedAt)}</p>
            )}
          </>
        )}
        {published && (
          <p className="no-print mt-6 text-xs text-slate-500" data-testid="feedback-state">
            {head.acknowledgedAt
              ? t("feedback.acknowledgedBy", {
                  name: head.acknowledgedBy ?? "—",
                  date: date(head.acknowledgedAt),
                })
              : t("feedback.awaitingAcknowledgement")}
          </p>
        )}
      </article>
      {published && head.feedbackId && (
        <Card title={t("feedback.rectificationTitle")} className="no-print mx-auto mt-5 max-w-[210mm]">
          <SourceItems user={user} sourceId={head.feedbackId} param="feedbackId" />
        </Card>
      )}
      {finance && !published && mayActOn(user, head.districtId) && (
        <Card title={t("feedback.formTitle")} className="no-print mx-auto mt-5 max-w-[210mm]">
          <FeedbackForm
            batchId={batchId}
            departmentId={departmentId}
            version={head.version ?? 0}
            problems={head.problems ?? ""}
            requirements={head.requirements ?? ""}
            canPublish={allSettled && head.batchStatus !== "DRAFT"}
          />
        </Card>
      )}
    </>
  );
}
