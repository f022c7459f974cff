import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { UserFilters } from "@/features/users/components/user-filters";
import { UserTable } from "@/features/users/components/user-table";
import { labelledOrgGroups } from "@/features/users/org-groups";
import { listUsers } from "@/features/users/queries";
import { userFilterSchema } from "@/features/users/schemas";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("title") };
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!can(user.role, "users.manage")) notFound();
  const filter = userFilterSchema.parse(await searchParams);
  const [list, orgGroups, t] = await Promise.all([
    listUsers(user, filter),
    labelledOrgGroups(user),
    getTranslations("admin.users"),
  ]);
  if (!list || !orgGroups) notFound();

  const hrefFor = (page: number) => {
    const p = new URLSearchParams();
    for (const key of ["q", "role", "kind", "org", "status"] as const)
      if (filter[key]) p.set(key, filter[key]!);
    if (page > 1) p.set("page", String(page));
    const qs = p.toString();
    return qs ? `/admin/users?${qs}` : "/admin/users";
  };

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<ButtonLink href="/admin/users/new">{t("newUser")}</ButtonLink>}
      />
      <UserFilters filter={filter} orgGroups={orgGroups} />
      {list.rows.length > 0 ? (
        <UserTable rows={list.rows} now={new Date()} />
      ) : (
        <EmptyState title={t("empty")} body={t("emptyBody")} />
      )}
      <Pagination page={filter.page} pageSize={list.pageSize} total={list.total} hrefFor={hrefFor} />
    </>
  );
}
