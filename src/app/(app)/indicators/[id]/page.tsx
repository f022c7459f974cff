import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LibraryForm } from "@/features/indicators/components/library-form";
import { getLibraryIndicator } from "@/features/indicators/queries";
import { SECTORS } from "@/features/indicators/sectors";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { params: Promise<{ id: string }> };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function EditIndicatorPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "indicators.manage")) notFound();
  const { id } = await params;
  const row = GUID.test(id) ? await getLibraryIndicator(id) : null;
  if (!row) notFound();
  const t = await getTranslations("indicators");
  return (
    <>
      <PageHeader title={t("editTitle", { name: row.name })} />
      <LibraryForm sectors={SECTORS} initial={{ ...row, id: row.id }} />
    </>
  );
}
