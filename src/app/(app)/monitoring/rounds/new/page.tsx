import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RoundForm } from "@/features/monitoring/components/round-form";
import { departmentOptions, yearOptions } from "@/features/monitoring/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

export default async function NewRoundPage() {
  const user = await requireUser();
  if (!can(user.role, "monitoring.manageRounds")) notFound();
  const [years, departments, t] = await Promise.all([
    yearOptions(),
    departmentOptions(user),
    getTranslations("monitoring.newRound"),
  ]);
  // The year being executed (2021 in the demo's work year) is the usual one to monitor.
  const defaultYear = years.includes(2021) ? 2021 : (years[0] ?? new Date().getFullYear());
  return (
    <>
      <Link href="/monitoring" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <RoundForm years={years} defaultYear={defaultYear} departments={departments} />
      </Card>
    </>
  );
}
