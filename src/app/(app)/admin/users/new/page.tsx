import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { UserForm } from "@/features/users/components/user-form";
import { labelledOrgGroups } from "@/features/users/org-groups";
import { can } from "@/server/permissions";
import { ROLES } from "@/server/schema/enums";
import { requireUser } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.detail"))("newTitle") };
}

export default async function NewUserPage() {
  const user = await requireUser();
  if (!can(user.role, "users.manage")) notFound();
  const [orgGroups, t] = await Promise.all([labelledOrgGroups(user), getTranslations("admin.detail")]);
  if (!orgGroups) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <Link href="/admin/users" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ‹ {t("back")}
      </Link>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <Card>
        <UserForm mode="create" roles={ROLES} orgGroups={orgGroups} />
      </Card>
    </div>
  );
}
