import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { CreateAgencyForm } from "@/features/agencies/components/agency-forms";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

export default async function NewAgencyPage() {
  const user = await requireUser();
  if (!can(user.role, "agencies.manage")) notFound();
  const t = await getTranslations("agencies.create");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <CreateAgencyForm />
    </>
  );
}
