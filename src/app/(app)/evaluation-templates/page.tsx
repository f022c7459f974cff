import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TemplateTable, TemplateYearFilter } from "@/features/evaluation-templates/components/template-list";
import { listTemplates, templateYears } from "@/features/evaluation-templates/queries";
import { templateListParamsSchema } from "@/features/evaluation-templates/schemas";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluationTemplates");
  return { title: t("title") };
}

export default async function EvaluationTemplatesPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "evaluationTemplates.read")) notFound();
  const [raw, years, t] = await Promise.all([
    searchParams,
    templateYears(),
    getTranslations("evaluationTemplates"),
  ]);
  const p = templateListParamsSchema.parse(raw);
  // The year under evaluation in the demo's work year (2020) unless another is asked for.
  const year = p.year && years.includes(p.year) ? p.year : years.includes(2020) ? 2020 : (years[0] ?? 2020);
  const rows = await listTemplates(year);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <TemplateYearFilter year={year} years={years} />
      {rows.length === 0 ? (
        <EmptyState title={t("empty.title", { year })} body={t("empty.body")} />
      ) : (
        <TemplateTable rows={rows} />
      )}
    </>
  );
}
