import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ProjectsImport } from "@/features/projects/components/projects-import";
import { fiscalYearOptions } from "@/features/projects/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

export async function generateMetadata() {
  const t = await getTranslations("projects.import");
  return { title: t("title") };
}

export default async function ImportProjectsPage() {
  const user = await requireUser();
  if (!can(user.role, "projects.create") || !user.orgId) notFound();
  const [years, t, tp] = await Promise.all([
    fiscalYearOptions(),
    getTranslations("projects.import"),
    getTranslations("projects"),
  ]);
  return (
    <div className="mx-auto max-w-5xl">
      <Link href="/projects" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← {tp("title")}
      </Link>
      <PageHeader title={t("title")} description={t("description")} />
      <Card title={t("formLabel")}>
        {/* New filings are for the latest year, the one being prepared. */}
        <ProjectsImport years={years} defaultYear={years[0] ?? new Date().getFullYear()} />
      </Card>
    </div>
  );
}
