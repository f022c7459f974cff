import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import {
  EngagementFilters,
  EngagementTable,
  listHref,
  StatusCounts,
} from "@/features/third-party/components/engagement-list";
import { filterOptions, listEngagements, PAGE_SIZE, type ListFilters } from "@/features/third-party/queries";
import { listParamsSchema } from "@/features/third-party/schemas";
import { todayInChina } from "@/features/third-party/service";
import { districtReader } from "@/features/districts/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";
import { ExportButton } from "@/components/ui/export-button";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("thirdParty"))("title") };
}

export default async function ThirdPartyPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "thirdParty.read")) notFound();
  const [raw, t] = await Promise.all([searchParams, getTranslations("thirdParty")]);
  const p = listParamsSchema.parse(raw);
  // A province-level user's 行政区划 narrows the list, its counts, filters and export.
  const { reader, district, options: districts } = await districtReader(user, p.district);
  const options = await filterOptions(reader);
  const filters: ListFilters = {
    year: p.year && options.years.includes(p.year) ? p.year : undefined,
    status: p.status && p.status !== "RECEIVED" && p.status !== "DEPT_APPROVED" ? p.status : undefined,
    agency: p.agency && options.agencies.some((a) => a.id === p.agency) ? p.agency : undefined,
    dept: p.dept && options.departments.some((d) => d.id === p.dept) ? p.dept : undefined,
    q: p.q || undefined,
    district,
    page: p.page ?? 1,
  };
  const { rows, byStatus, total } = await listEngagements(reader, filters);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (filters.page > pages) redirect(listHref(filters, { page: pages }));
  const agency = user.role === "AGENCY";
  return (
    <>
      <PageHeader
        title={agency ? t("agencyTitle") : t("title")}
        description={agency ? t("agencyDescription", { name: user.orgName ?? "" }) : t("description")}
        actions={
          <>
            {can(user.role, "thirdParty.export") && rows.length > 0 && (
              <ExportButton href={listHref(filters, { page: 1 }, "/third-party/export")}>
                {t("export")}
              </ExportButton>
            )}
            {can(user.role, "thirdParty.engage") && (
              <ButtonLink href="/third-party/new">{t("engageNew")}</ButtonLink>
            )}
          </>
        }
      />
      <EngagementFilters
        filters={filters}
        years={options.years}
        agencies={options.agencies}
        departments={options.departments}
        districts={districts.length > 0 ? districts : undefined}
      />
      <StatusCounts filters={filters} byStatus={byStatus} />
      {rows.length === 0 ? (
        <EmptyState
          title={agency ? t("empty.agencyTitle") : t("empty.title")}
          body={agency ? t("empty.agencyBody") : t("empty.body")}
        />
      ) : (
        <>
          <EngagementTable rows={rows} today={todayInChina()} showAgency={!agency} />
          <Pagination
            page={filters.page}
            pageSize={PAGE_SIZE}
            total={total}
            hrefFor={(page) => listHref(filters, { page })}
          />
        </>
      )}
    </>
  );
}
