import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { loadSummary, resolveWorkYear } from "@/features/reports/annual-summary";
import { PlanEditor } from "@/features/reports/components/plan-editor";
import { SummaryDocument } from "@/features/reports/components/summary-document";
import { SummaryToolbar } from "@/features/reports/components/summary-toolbar";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports");
  return { title: t("pageTitle") };
}

export default async function AnnualSummaryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!can(user.role, "reports.read")) notFound();
  const [{ year, years }, t] = await Promise.all([
    resolveWorkYear((await searchParams).year),
    getTranslations("reports"),
  ]);
  if (year === null) return <EmptyState title={t("noYears")} />;
  const { data, plan, blocks } = await loadSummary(user, year);
  return (
    <div>
      <div className="no-print">
        <PageHeader
          title={t("pageTitle")}
          description={t("draftNote", { budgetYear: data.budgetYear, planYear: data.planYear })}
          actions={<SummaryToolbar years={years} year={year} />}
        />
      </div>
      <SummaryDocument blocks={blocks}>
        {can(user.role, "reports.writePlan") && (
          <PlanEditor workYear={year} planYear={data.planYear} plan={plan.plan} version={plan.version} />
        )}
      </SummaryDocument>
    </div>
  );
}
