import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RoleDashboard } from "@/features/dashboards/components/role-dashboard";
import { DashboardRectification } from "@/features/rectification/components/dashboard-rectification";
import { resolveDashboardYear } from "@/features/dashboards/year-param";
import { resolveDistrict } from "@/features/districts/queries";
import { can } from "@/server/permissions";
import { inDistrict } from "@/server/scope";
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
  const params = await searchParams;
  const [{ year, years }, { district, options }] = await Promise.all([
    resolveDashboardYear(params.year),
    resolveDistrict(user, params.district),
  ]);
  // A province-level user may look at one district; everyone else reads their own scope, whatever
  // the URL says.
  const viewer = inDistrict(user, district);
  const districts = options.length > 0 ? { selected: district, options } : undefined;
  return (
    <>
      <DashboardRectification user={viewer} district={district} />
      <RoleDashboard user={viewer} year={year} years={years} districts={districts} />
    </>
  );
}
