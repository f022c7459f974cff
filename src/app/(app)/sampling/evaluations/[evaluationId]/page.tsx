import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card, StatCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { executionPoints, hundredthsToText } from "@/domain/evaluation";
import { inUnit, toFen } from "@/domain/money";
import { AttachmentList } from "@/features/attachments/components/attachment-list";
import { formatRate } from "@/features/projects/format";
import { GradeBadge, ReasonBadge, SheetStatusBadge } from "@/features/sampling/components/badges";
import { ReadOnlySheet } from "@/features/sampling/components/read-only-sheet";
import { ScoreForm } from "@/features/sampling/components/score-form";
import { gapText } from "@/features/sampling/format";
import { getSampledSheet } from "@/features/sampling/sheet-queries";
import { RaiseFromFindings } from "@/features/rectification/components/raise-from-findings";
import { db } from "@/server/db";
import { can } from "@/server/permissions";
import { fiscalYears } from "@/server/schema";
import { requireUser } from "@/server/session";

type Props = { params: Promise<{ evaluationId: string }> };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function SampledSheetPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "sampling.read")) notFound();
  const { evaluationId } = await params;
  // Unknown, malformed and other groups' sheets all read as not found.
  const sheet = GUID.test(evaluationId) ? await getSampledSheet(user, evaluationId) : null;
  if (!sheet) notFound();
  const { head, lines, members, history } = sheet;
  const [[year], t, tc, format] = await Promise.all([
    db.select().from(fiscalYears).where(eq(fiscalYears.year, head.year)),
    getTranslations("sampling"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const weight = year?.weightExecution ?? 10;
  const exec = executionPoints(toFen(head.budgetTotal), toFen(head.executedTotal), weight);
  const cutoffs = {
    excellent: year?.gradeExcellent ?? 90,
    good: year?.gradeGood ?? 80,
    pass: year?.gradePass ?? 60,
  };
  const scoring = head.status === "SCORING" && head.member && can(user.role, "sampling.score");
  const group = head.groupOrder === null ? "—" : t("groupName", { n: head.groupOrder + 1 });

  return (
    <>
      <PageHeader
        title={head.name}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="num">{head.code}</span>
            <span>{head.unitName}</span>
            <span>{head.departmentName}</span>
            <span>
              {head.batchName} · {group}
            </span>
            <ReasonBadge reason={head.reason} />
            <SheetStatusBadge status={head.status} />
          </span>
        }
        actions={
          <ButtonLink
            href={user.role === "FINANCE_ADMIN" ? `/sampling/${head.batchId}` : "/sampling"}
            variant="secondary"
          >
            {t("back")}
          </ButtonLink>
        }
      />
      <div className="grid grid-cols-1 gap-5 xl:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-5">
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <StatCard
              label={t("sheet.budget")}
              value={inUnit(head.budgetTotal, "wan", 2)}
              unit={tc("unitWan")}
              hint={t("sheet.executionRate", {
                rate: formatRate(head.executedTotal ?? "0", head.budgetTotal ?? "0"),
                points: hundredthsToText(exec),
              })}
            />
            <StatCard
              label={t("col.selfScore")}
              value={head.selfTotal ?? "—"}
              hint={<GradeBadge grade={head.selfGrade} />}
            />
            <StatCard
              label={t("col.sampledScore")}
              value={head.totalScore ?? "—"}
              hint={<GradeBadge grade={head.grade} />}
            />
            <StatCard
              label={t("col.gap")}
              value={gapText(head.selfTotal, head.totalScore)}
              hint={t("sheet.gapHint")}
            />
          </div>
          <Card title={t("sheet.title")}>
            {scoring ? (
              <ScoreForm
                evaluationId={head.id}
                version={head.version}
                summary={head.summary}
                executionPoints={exec}
                executionWeight={weight}
                cutoffs={cutoffs}
                lines={lines}
              />
            ) : (
              <ReadOnlySheet lines={lines} summary={head.summary} />
            )}
          </Card>
          <Card title={t("sheet.selfSummary")}>
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="text-slate-500">{t("sheet.selfDeviation")}</dt>
                <dd className="whitespace-pre-line text-slate-800">{head.selfSummary || "—"}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("sheet.selfImprovement")}</dt>
                <dd className="whitespace-pre-line text-slate-800">{head.selfImprovement || "—"}</dd>
              </div>
            </dl>
          </Card>
        </div>
        <div className="space-y-5">
          <Card title={t("sheet.group")}>
            <p className="text-sm text-slate-700">
              {members.map((m, i) => (
                <span key={m.id}>
                  {i > 0 && "、"}
                  {m.name}
                </span>
              ))}
            </p>
          </Card>
          {head.status === "SETTLED" && <RaiseFromFindings user={user} evaluationId={evaluationId} />}
          {head.selfId && (
            <AttachmentList entityType="evaluation" entityId={head.selfId} title={t("sheet.evidence")} />
          )}
          <Card title={t("sheet.history")}>
            <ol className="space-y-2 text-sm">
              {history.map((h, i) => (
                <li key={i}>
                  <div className="font-medium text-slate-800">{t(`status.${h.to}`)}</div>
                  <div className="text-xs text-slate-500">
                    {h.actor ?? "—"} · {format.dateTime(h.at, { dateStyle: "medium", timeStyle: "short" })}
                  </div>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </>
  );
}
