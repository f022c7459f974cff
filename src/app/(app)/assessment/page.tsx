import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { GAP_LIMIT_POINTS } from "@/domain/assessment";
import { RankingTable } from "@/features/assessment/components/ranking-table";
import { RuleList } from "@/features/assessment/components/rule-list";
import { AssessmentYearForm } from "@/features/assessment/components/year-form";
import { assessmentYears, ownRowOnly, scorecards } from "@/features/assessment/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";
import { pickYear } from "@/features/assessment/year";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("assessment");
  return { title: t("title") };
}

export default async function AssessmentPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "assessment.read")) notFound();
  const [years, t, sp] = await Promise.all([assessmentYears(), getTranslations("assessment"), searchParams]);
  const year = await pickYear(sp.year, years);
  const data = year === null ? null : await scorecards(user, year);
  const own = ownRowOnly(user);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={own ? t("ownDescription") : t("description")}
        actions={
          year !== null && (
            <AssessmentYearForm
              years={years}
              year={year}
              exportHref={
                can(user.role, "assessment.export") && data && data.rows.length > 0
                  ? `/assessment/export?year=${year}`
                  : null
              }
            />
          )
        }
      />
      {!data || data.rows.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyHint")} />
      ) : (
        <div className="space-y-4">
          <RankingTable rows={data.rows} weights={data.weights} year={year!} ranked={!own} />
          <RuleList weights={data.weights} targetDueMonth={data.targetDueMonth} gapLimit={GAP_LIMIT_POINTS} />
        </div>
      )}
    </>
  );
}
