import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RoleDashboard } from "@/features/dashboards/components/role-dashboard";
import { DashboardRectification } from "@/features/rectification/components/dashboard-rectification";
import { resolveDashboardYear } from "@/features/dashboards/year-param";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("pageTitle") };
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!can(user.role, "dashboard.view")) notFound();
  const { year, years } = await resolveDashboardYear((await searchParams).year);
  return (
    <>
      <DashboardRectification user={user} />
      <RoleDashboard user={user} year={year} years={years} />
    </>
  );
}
