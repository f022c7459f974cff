import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LibraryForm } from "@/features/indicators/components/library-form";
import { SECTORS } from "@/features/indicators/sectors";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

export default async function NewIndicatorPage() {
  const user = await requireUser();
  if (!can(user.role, "indicators.manage")) notFound();
  const t = await getTranslations("indicators");
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <LibraryForm
        sectors={SECTORS}
        initial={{
          version: 0,
          sector: "general",
          level1: "OUTPUT",
          level2: "QUANTITY",
          name: "",
          operator: "GTE",
          unit: "",
          targetHint: "",
          description: "",
          active: true,
        }}
      />
    </>
  );
}
