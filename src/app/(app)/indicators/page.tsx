import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { libraryHref, LibraryFiltersForm, LibraryTable } from "@/features/indicators/components/library-list";
import { LIBRARY_PAGE_SIZE, listLibrary, type LibraryFilters } from "@/features/indicators/queries";
import { libraryListParamsSchema } from "@/features/indicators/schemas";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IndicatorsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "indicators.manage")) notFound();
  const [raw, t] = await Promise.all([searchParams, getTranslations("indicators")]);
  const p = libraryListParamsSchema.parse(raw);
  const filters: LibraryFilters = {
    q: p.q || undefined,
    sector: p.sector || undefined,
    level1: p.level1,
    level2: p.level2,
    active: p.active ?? "all",
    page: p.page ?? 1,
  };
  const { rows, total } = await listLibrary(filters);
  const pages = Math.max(1, Math.ceil(total / LIBRARY_PAGE_SIZE));
  if (filters.page > pages) redirect(libraryHref(filters, { page: pages }));
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<ButtonLink href="/indicators/new">{t("new")}</ButtonLink>}
      />
      <LibraryFiltersForm filters={filters} />
      <p className="mb-2 text-sm text-slate-600">{t("count", { count: total })}</p>
      {rows.length === 0 ? (
        <EmptyState title={t("empty.title")} body={t("empty.body")} />
      ) : (
        <>
          <LibraryTable rows={rows} />
          <Pagination
            page={filters.page}
            pageSize={LIBRARY_PAGE_SIZE}
            total={total}
            hrefFor={(page) => libraryHref(filters, { page })}
          />
        </>
      )}
    </>
  );
}
