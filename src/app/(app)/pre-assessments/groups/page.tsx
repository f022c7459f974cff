import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { inUnit } from "@/domain/money";
import { GroupForm } from "@/features/pre-assessment/components/group-form";
import { PreStatusBadge } from "@/features/pre-assessment/components/status-badge";
import { groupFormOptions, listGroups } from "@/features/pre-assessment/queries";
import { DEFAULT_PRE_YEAR, preListParamsSchema } from "@/features/pre-assessment/schemas";
import { fiscalYearOptions } from "@/features/projects/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ExpertGroupsPage({ searchParams }: Props) {
  const user = await requireUser();
  const manage = can(user.role, "preAssessment.manageGroups");
  if (!manage && !can(user.role, "preAssessment.score")) notFound();
  const [raw, years, t, tc] = await Promise.all([
    searchParams,
    fiscalYearOptions(),
    getTranslations("preAssessment"),
    getTranslations("common"),
  ]);
  const p = preListParamsSchema.pick({ year: true }).parse(raw);
  const year = p.year && years.includes(p.year) ? p.year : DEFAULT_PRE_YEAR;
  const [groups, options] = await Promise.all([
    listGroups(user, year),
    manage ? groupFormOptions(user, year) : null,
  ]);
  return (
    <>
      <PageHeader
        title={manage ? t("groupsTitle") : t("groups.mine")}
        description={t("description", { year })}
      />
      <div className="space-y-5">
        {options && (
          <Card title={t("groups.formTitle")}>
            <GroupForm year={year} experts={options.experts} candidates={options.candidates} />
          </Card>
        )}
        {groups.length === 0 && <EmptyState title={t("groups.empty")} />}
        {groups.map((g) => (
          <Card
            key={g.id}
            title={g.name}
            actions={
              <span className="text-xs text-slate-500">
                {t("groups.projectCount", { count: g.projects.length })}
              </span>
            }
          >
            <p className="mb-3 text-sm text-slate-700">
              {t("experts.members")}：
              {g.members.map((m, i) => (
                <span key={m.id}>
                  {i > 0 && "、"}
                  {m.name}
                  {m.id === g.leadExpertId && `（${t("experts.lead")}）`}
                </span>
              ))}
            </p>
            <ul className="divide-y divide-slate-100 text-sm">
              {g.projects.map((pr) => (
                <li key={pr.projectId} className="flex flex-wrap items-center gap-3 py-2">
                  <span className="num text-slate-500">{pr.code}</span>
                  <Link href={`/pre-assessments/${pr.projectId}`} className="text-brand-700 hover:underline">
                    {pr.name}
                  </Link>
                  <span className="num ml-auto text-slate-600">
                    {inUnit(pr.requestedAmount, "wan", 2)} {tc("unitWan")}
                  </span>
                  {user.role === "EXPERT" ? (
                    <Badge tone={pr.reviewed ? "green" : "yellow"}>
                      {t(pr.reviewed ? "groups.reviewed" : "groups.toReview")}
                    </Badge>
                  ) : (
                    <PreStatusBadge status={pr.status} />
                  )}
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </div>
    </>
  );
}
