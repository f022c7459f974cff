import { RaiseFromFindings } from "@/features/rectification/components/raise-from-findings";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card, StatCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { gradeOf, toHundredths } from "@/domain/evaluation";
import { EvaluationHistory } from "@/features/evaluations/components/history";
import { SheetTable } from "@/features/evaluations/components/sheet-table";
import { GradeBadge } from "@/features/self-evaluation/components/grade-badge";
import { can } from "@/server/permissions";
import type { CurrentUser } from "@/server/session";
import { BASE_PATH, canFillSelf, canRecordOpinion, RETURNABLE_FROM, type OverallType } from "../flow";
import type { OverallView } from "../queries";
import { EngagementPanel } from "./engagement-panel";
import { ExecutionFigures } from "./execution-card";
import { OpinionForm } from "./opinion-form";
import { OpinionList } from "./opinions";
import { ReturnForm } from "./return-form";
import { SelfEvaluationForm } from "./self-form";
import { OverallStatusBadge, typeNs } from "./status-badge";
import { TownshipScoreForm } from "./township-score-form";

function TextBlock({ label, body, empty }: { label: string; body: string; empty: string }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm whitespace-pre-wrap text-slate-800">{body || empty}</dd>
    </div>
  );
}

/** One department-wide or township evaluation, with what the signed-in user may do at its status. */
export async function OverallEvaluationPage({
  type,
  user,
  view,
}: {
  type: OverallType;
  user: CurrentUser;
  view: OverallView;
}) {
  const ns = typeNs(type);
  const [t, tt, tc] = await Promise.all([
    getTranslations(`overallEvaluation.${ns}`),
    getTranslations(`overallEvaluation.${ns}.status`),
    getTranslations("overallEvaluation"),
  ]);
  const { head, lines, cutoffs } = view;
  const dept = type === "DEPT_OVERALL";
  const settled = head.status === "SETTLED";
  const filling = canFillSelf(type, user.role, head.status);
  const scoring = !dept && head.status === "SUBMITTED" && can(user.role, "townshipEvaluation.score");
  const returning =
    head.status === RETURNABLE_FROM[type] &&
    can(user.role, dept ? "deptOverall.return" : "townshipEvaluation.score");
  const lastReturn =
    head.status === "RETURNED"
      ? [...view.history].reverse().find((h) => h.toStatus === "RETURNED")
      : undefined;
  const selfH = toHundredths(head.selfTotal);
  const selfGrade = selfH === null ? null : gradeOf(selfH, cutoffs);
  const notFiled = head.status === "DRAFT" || head.status === "RETURNED";

  return (
    <>
      <Link
        href={`${BASE_PATH[type]}?year=${head.year}`}
        className="mb-2 inline-block text-sm text-brand-700 hover:underline"
      >
        ← {t("back")}
      </Link>
      <PageHeader
        title={t("pageTitle", { org: head.orgName, year: head.year })}
        description={[
          tc("yearLabel", { year: head.year }),
          head.dueDate ? tc("dueLabel", { due: head.dueDate }) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
        actions={<OverallStatusBadge type={type} status={head.status} testId="evaluation-status" />}
      />
      {lastReturn && (
        <Alert tone="warning" className="mb-4">
          {tc("returnedBecause", { comment: lastReturn.comment })}
        </Alert>
      )}
      <div className="space-y-6">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2" data-testid="totals">
          <StatCard
            label={tc("selfTotal")}
            value={head.selfTotal ?? "—"}
            hint={selfGrade ? <GradeBadge grade={selfGrade} /> : tc("notYet")}
          />
          <StatCard
            label={dept ? tc("fieldTotal") : tc("financeTotal")}
            value={settled ? (head.total ?? "—") : "—"}
            hint={settled ? <GradeBadge grade={head.grade} /> : tc("notYet")}
          />
        </div>

        {dept && view.execution && (
          <Card title={tc("execution.title", { year: head.year })}>
            <ExecutionFigures execution={view.execution} />
            <p className="mt-3 text-xs text-slate-500">{tc("execution.hint")}</p>
          </Card>
        )}

        <Card title={filling ? t("selfTitle") : settled ? tc("sheetSettled") : tc("sheetTitle")}>
          {filling ? (
            <SelfEvaluationForm
              type={type}
              evaluationId={head.id}
              version={head.version}
              lines={lines}
              cutoffs={cutoffs}
              selfReport={head.selfReport}
              improvement={head.improvement}
            />
          ) : scoring ? (
            <TownshipScoreForm
              evaluationId={head.id}
              version={head.version}
              lines={lines}
              findings={view.findings}
              cutoffs={cutoffs}
              summary={head.summary}
            />
          ) : notFiled ? (
            <Alert tone="info">{t("notFiled")}</Alert>
          ) : (
            <SheetTable lines={lines} showSelf showPoints={settled} caption={tc("sheetTitle")} />
          )}
        </Card>

        {!filling && !notFiled && (
          <Card title={tc("reports")}>
            <dl className="space-y-4">
              <TextBlock label={t("selfReport")} body={head.selfReport} empty="—" />
              {dept && <TextBlock label={tc("executionReport")} body={head.improvement} empty="—" />}
              {settled && <TextBlock label={t("evaluatorReport")} body={head.summary} empty="—" />}
            </dl>
          </Card>
        )}

        {settled && <RaiseFromFindings user={user} evaluationId={head.id} />}

        {returning && (
          <Card title={tc("return.title")}>
            <ReturnForm
              type={type}
              evaluationId={head.id}
              version={head.version}
              hint={dept ? tc("return.hintDept") : tc("return.hintTownship")}
            />
          </Card>
        )}

        <div className="grid gap-6 lg:grid-cols-2">
          {dept && (
            <Card title={tc("field.title")}>
              <EngagementPanel
                evaluationId={head.id}
                status={head.status}
                engagement={view.engagement}
                canEngage={user.role === "FINANCE_ADMIN"}
              />
            </Card>
          )}
          {dept && (
            <Card title={tc("opinions.title")} className="lg:row-span-2">
              <div className="space-y-4">
                <OpinionList opinions={view.opinions} />
                {canRecordOpinion(type, user, head.status) ? (
                  <OpinionForm evaluationId={head.id} />
                ) : (
                  user.role === "LEADER" && (
                    <p className="text-xs text-slate-500">
                      {user.orgKind === "CONGRESS"
                        ? tc("opinions.afterSettled")
                        : tc("opinions.congressOnly")}
                    </p>
                  )
                )}
              </div>
            </Card>
          )}
          <Card title={tc("history")}>
            <EvaluationHistory entries={view.history} statusLabel={(s) => tt(s)} />
          </Card>
        </div>
      </div>
    </>
  );
}
