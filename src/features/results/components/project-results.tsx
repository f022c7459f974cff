import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { inUnit } from "@/domain/money";
import { SUGGESTION_KIND } from "@/domain/result-application";
import { GradeBadge } from "@/features/self-evaluation/components/grade-badge";
import { can } from "@/server/permissions";
import type { CurrentUser } from "@/server/session";
import { previousResults, resultOfProject, type ResultRow } from "../queries";
import { ApplicationForm } from "./application-form";
import { signedPercent } from "./percent";

async function Facts({ r }: { r: ResultRow }) {
  const [t, te, tc] = await Promise.all([
    getTranslations("results"),
    getTranslations("evaluations.type"),
    getTranslations("common"),
  ]);
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-5 gap-y-2 text-sm">
      <dt className="text-slate-500">{t("project.grade")}</dt>
      <dd className="flex flex-wrap items-center gap-2" data-testid="result-grade">
        <GradeBadge grade={r.grade} />
        <span className="text-slate-600">
          {r.totalScore ?? "—"} · {te(r.type)}
        </span>
      </dd>
      <dt className="text-slate-500">{t("project.suggestion")}</dt>
      <dd className="text-slate-800" data-testid="result-suggestion">
        <span className="font-medium">{t(`kind.${SUGGESTION_KIND[r.grade]}`)}</span>
        {" · "}
        {t("project.suggested", {
          amount: `${inUnit(r.suggested, "wan", 2)} ${tc("unitWan")}`,
          percent: signedPercent(r.percent),
        })}
        {r.adjustedPercent !== null && (
          <span className="ml-1 text-xs text-slate-500">{t("adjusted", { rule: r.rulePercent })}</span>
        )}
      </dd>
      {r.adjustReason && (
        <>
          <dt className="text-slate-500">{t("col.adjustReason")}</dt>
          <dd className="text-slate-800">{r.adjustReason}</dd>
        </>
      )}
      {r.accountability && (
        <>
          <dt className="text-slate-500">{t("col.accountability")}</dt>
          <dd className="whitespace-pre-line text-slate-800">{r.accountability}</dd>
        </>
      )}
      <dt className="text-slate-500">{t("col.disclosed")}</dt>
      <dd className="text-slate-800">{r.disclosed ? t("disclosedYes") : t("disclosedNo")}</dd>
    </dl>
  );
}

/**
 * For the project page: this project's own evaluation result and next-year suggestion (finance admin
 * records its decision here), and, for a continuing project, last year's grade and suggestion.
 */
export async function ProjectResults({ user, projectId }: { user: CurrentUser; projectId: string }) {
  if (!can(user.role, "results.read")) return null;
  const [own, previous, t] = await Promise.all([
    resultOfProject(user, projectId),
    previousResults(user, [projectId]),
    getTranslations("results"),
  ]);
  const last = previous.get(projectId);
  if (!own && !last) return null;
  return (
    <>
      {last && (
        <Card title={t("project.title")}>
          <div className="space-y-3" data-testid="last-year-result">
            <p className="text-sm text-slate-600">
              <Link href={`/projects/${last.projectId}`} className="text-brand-700 hover:underline">
                {t("project.lastYear", { code: last.code, year: last.year })}
              </Link>
            </p>
            <Facts r={last} />
          </div>
        </Card>
      )}
      {own && (
        <Card title={t("project.thisYear")}>
          <div className="space-y-5">
            <Facts r={own} />
            {can(user.role, "results.adjust") && (
              <div className="border-t border-slate-100 pt-4">
                <h3 className="mb-3 text-sm font-semibold text-slate-800">{t("form.title")}</h3>
                <ApplicationForm
                  projectId={projectId}
                  version={own.raVersion ?? 0}
                  rulePercent={own.rulePercent}
                  adjustedPercent={own.adjustedPercent}
                  adjustReason={own.adjustReason ?? ""}
                  accountability={own.accountability ?? ""}
                  disclosed={Boolean(own.disclosed)}
                />
              </div>
            )}
          </div>
        </Card>
      )}
    </>
  );
}
