import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { inUnit } from "@/domain/money";
import {
  KeyFilters,
  keyListHref,
  KeyStatusCounts,
  KeyTable,
} from "@/features/key-evaluation/components/key-list";
import { keyFilterOptions, listKeyEvaluations, type KeyListFilters } from "@/features/key-evaluation/queries";
import { KEY_PAGE_SIZE, keyListParamsSchema } from "@/features/key-evaluation/schemas";
import { districtReader } from "@/features/districts/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";
import { ExportButton } from "@/components/ui/export-button";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("keyEvaluation");
  return { title: t("title") };
}

export default async function KeyEvaluationsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "keyEvaluation.read")) notFound();
  const [raw, t] = await Promise.all([searchParams, getTranslations("keyEvaluation")]);
  const p = keyListParamsSchema.parse(raw);
  // A province-level user's 行政区划 narrows the list, its counts, filters and export.
  const { reader, district, options: districts } = await districtReader(user, p.district);
  const options = await keyFilterOptions(reader);
  // Budget year 2020 is the one under evaluation in the demo's work year 2021.
  const fallback = options.years.includes(2020) ? 2020 : (options.years[0] ?? 2020);
  const filters: KeyListFilters = {
    year: p.year && options.years.includes(p.year) ? p.year : fallback,
    status: p.status,
    dept: p.dept && options.departments.some((d) => d.id === p.dept) ? p.dept : undefined,
    q: p.q || undefined,
    district,
    page: p.page ?? 1,
  };
  const { rows, byStatus, total, budget } = await listKeyEvaluations(reader, filters);
  const pages = Math.max(1, Math.ceil(total / KEY_PAGE_SIZE));
  if (filters.page > pages) redirect(keyListHref(filters, { page: pages }));
  const exportHref = keyListHref({ ...filters, page: 1 }, {}, "/key-evaluations/export");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {rows.length > 0 && can(user.role, "keyEvaluation.export") && (
              <ExportButton href={exportHref}>{t("export")}</ExportButton>
            )}
            {can(user.role, "keyEvaluation.manage") && (
              <ButtonLink href={`/key-evaluations/new?year=${filters.year}`}>{t("createButton")}</ButtonLink>
            )}
          </>
        }
      />
      <KeyFilters
        filters={filters}
        years={options.years}
        departments={options.departments.length > 1 ? options.departments : undefined}
        districts={districts.length > 0 ? districts : undefined}
      />
      <KeyStatusCounts filters={filters} byStatus={byStatus} />
      {rows.length === 0 ? (
        <EmptyState
          title={t("empty.title", { year: filters.year })}
          body={can(user.role, "keyEvaluation.manage") ? t("empty.bodyFinance") : t("empty.body")}
        />
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" data-testid="key-summary">
            {t("summaryLine", { n: total, wan: inUnit(budget, "wan", 2), yi: inUnit(budget, "yi", 2) })}
          </p>
          <KeyTable rows={rows} />
          <Pagination
            page={filters.page}
            pageSize={KEY_PAGE_SIZE}
            total={total}
            hrefFor={(page) => keyListHref(filters, { page })}
          />
        </>
      )}
    </>
  );
}
