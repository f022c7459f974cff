import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { GAP_LIMIT_POINTS } from "@/domain/assessment";
import { CriteriaTable } from "@/features/assessment/components/criteria-table";
import {
  GapRecords,
  ItemRecords,
  NoticeRecords,
  ProjectRecords,
  SheetRecords,
} from "@/features/assessment/components/records";
import { RuleList } from "@/features/assessment/components/rule-list";
import { AssessmentYearForm } from "@/features/assessment/components/year-form";
import {
  assessmentYears,
  departmentRecords,
  departmentScorecard,
  ownRowOnly,
} from "@/features/assessment/queries";
import { pickYear } from "@/features/assessment/year";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = {
  params: Promise<{ departmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("assessment");
  return { title: t("title") };
}

export default async function DepartmentAssessmentPage({ params, searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "assessment.read")) notFound();
  const [{ departmentId }, sp, years, t] = await Promise.all([
    params,
    searchParams,
    assessmentYears(),
    getTranslations("assessment"),
  ]);
  if (!UUID.test(departmentId)) notFound();
  const year = await pickYear(sp.year, years);
  if (year === null) notFound();
  // Out of the user's department scope reads as not found, like any record.
  const card = await departmentScorecard(user, year, departmentId);
  if (!card) notFound();
  const records = await departmentRecords(user, year, departmentId);
  const { row } = card;
  return (
    <>
      <PageHeader
        title={`${row.name} · ${year}`}
        description={
          ownRowOnly(user)
            ? t("ownDescription")
            : row.rank === null
              ? t("unranked")
              : t("rankOf", { rank: row.rank, of: card.of })
        }
        actions={
          <>
            <AssessmentYearForm
              years={years}
              year={year}
              exportHref={can(user.role, "assessment.export") ? `/assessment/export?year=${year}` : null}
            />
            <ButtonLink href={`/assessment?year=${year}`} variant="secondary">
              {t("backToRanking")}
            </ButtonLink>
          </>
        }
      />
      <div className="space-y-6">
        <CriteriaTable row={row} />
        <RuleList weights={card.weights} targetDueMonth={card.targetDueMonth} gapLimit={GAP_LIMIT_POINTS} />
        <p className="text-xs text-slate-500">{t("records.scopeNote")}</p>
        <ProjectRecords rows={records.projects} />
        <SheetRecords rows={records.sheets} />
        <GapRecords rows={records.gaps} canOpenSampled={can(user.role, "sampling.read")} />
        <NoticeRecords rows={records.notices} />
        <ItemRecords rows={records.items} />
      </div>
    </>
  );
}
