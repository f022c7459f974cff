import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { YearSettingsForm, type YearFormValues } from "@/features/years/components/year-settings-form";
import { getFiscalYear } from "@/features/years/queries";
import { SETTINGS_FIELDS } from "@/features/years/schemas";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [t, { year }] = await Promise.all([getTranslations("years"), params]);
  return { title: t("editTitle", { year }) };
}

export default async function YearSettingsEditPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "years.configure")) notFound();
  const year = Number((await params).year);
  if (!Number.isInteger(year)) notFound();
  const [t, row] = await Promise.all([getTranslations("years"), getFiscalYear(user, year)]);
  if (!row) notFound();
  const initial = {
    year: row.year,
    version: row.version,
    ...Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, String(row[f])])),
  } as YearFormValues;
  return (
    <>
      <PageHeader title={t("editTitle", { year })} description={t("editDescription")} />
      <YearSettingsForm initial={initial} />
    </>
  );
}
