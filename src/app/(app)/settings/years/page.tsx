import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { CreateYearForm } from "@/features/years/components/create-year-form";
import { YearsTable } from "@/features/years/components/years-table";
import { listFiscalYears } from "@/features/years/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("years");
  return { title: t("title") };
}

export default async function YearSettingsListPage() {
  const user = await requireUser();
  if (!can(user.role, "years.configure")) notFound();
  const [t, years] = await Promise.all([getTranslations("years"), listFiscalYears(user)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {can(user.role, "years.create") && years.length > 0 && (
        <CreateYearForm year={years[years.length - 1]!.year + 1} />
      )}
      <YearsTable years={years} />
    </>
  );
}
