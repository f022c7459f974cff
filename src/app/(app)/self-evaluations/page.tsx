import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import {
  CoverageTable,
  SelfFilters,
  selfListHref,
  SelfStatusCounts,
  SelfTable,
} from "@/features/self-evaluation/components/evaluation-list";
import { ImportForm } from "@/features/self-evaluation/components/import-form";
import { OpenRoundForm } from "@/features/self-evaluation/components/open-round-form";
import {
  listSelfEvaluations,
  SELF_PAGE_SIZE,
  selfCoverage,
  selfFilterOptions,
  type EvaluationListFilters,
} from "@/features/self-evaluation/queries";
import { evaluationListParamsSchema } from "@/features/self-evaluation/schemas";
import { districtReader } from "@/features/districts/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";
import { ExportButton } from "@/components/ui/export-button";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SelfEvaluationsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "selfEvaluation.read")) notFound();
  const [raw, t] = await Promise.all([searchParams, getTranslations("selfEvaluation")]);
  const p = evaluationListParamsSchema.parse(raw);
  // A province-level user's 行政区划 narrows the list, its counts, coverage, filters and export.
  const { reader, district, options: districts } = await districtReader(user, p.district);
  const options = await selfFilterOptions(reader);
  const roundYears = options.rounds.map((r) => r.year);
  // The latest year under evaluation by default (2020 in the demo's work year 2021).
  const fallback = roundYears[0] ?? options.years[options.years.length - 1] ?? 2020;
  const year = p.year && options.years.includes(p.year) ? p.year : fallback;
  const filters: EvaluationListFilters = {
    year,
    status: p.status,
    grade: p.grade,
    dept: p.dept && options.departments.some((d) => d.id === p.dept) ? p.dept : undefined,
    q: p.q || undefined,
    district,
    page: p.page ?? 1,
  };
  const round = options.rounds.find((r) => r.year === year);
  const [{ rows, byStatus, total }, coverage] = await Promise.all([
    listSelfEvaluations(reader, filters),
    round && user.role !== "DEPT_FILER" ? selfCoverage(reader, year) : Promise.resolve([]),
  ]);
  const pages = Math.max(1, Math.ceil(total / SELF_PAGE_SIZE));
  if (filters.page > pages) redirect(selfListHref(filters, { page: pages }));
  const openable = options.years.filter((y) => !roundYears.includes(y));
  const editable = (byStatus.DRAFT ?? 0) + (byStatus.RETURNED ?? 0);
  const exportHref = selfListHref(filters).replace("/self-evaluations?", "/self-evaluations/export?");

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={rows.length > 0 && <ExportButton href={exportHref}>{t("export")}</ExportButton>}
      />
      <SelfFilters
        filters={filters}
        years={options.years}
        departments={options.departments.length > 1 ? options.departments : undefined}
        districts={districts.length > 0 ? districts : undefined}
      />
      {round ? (
        <p className="mb-4 text-sm text-slate-600" data-testid="round-info">
          {t("round", { year, due: round.dueDate })}
        </p>
      ) : (
        <Alert tone="info" className="mb-4">
          {t("noRound", { year })}
        </Alert>
      )}
      {can(user.role, "selfEvaluation.open") && openable.length > 0 && (
        <div className="mb-6">
          <OpenRoundForm years={openable} />
        </div>
      )}
      {coverage.length > 0 && <CoverageTable rows={coverage} year={year} />}
      {can(user.role, "selfEvaluation.fill") && round && editable > 0 && (
        <div className="mb-6">
          <ImportForm year={year} editable={editable} />
        </div>
      )}
      <SelfStatusCounts filters={filters} byStatus={byStatus} />
      {rows.length === 0 ? (
        <EmptyState title={t("empty.title")} body={t("empty.body")} />
      ) : (
        <>
          <SelfTable rows={rows} />
          <Pagination
            page={filters.page}
            pageSize={SELF_PAGE_SIZE}
            total={total}
            hrefFor={(page) => selfListHref(filters, { page })}
          />
        </>
      )}
    </>
  );
}
