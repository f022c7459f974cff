import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { GRADES } from "@/domain/evaluation";
import { DepartmentFilter } from "@/features/districts/components/department-filter";
import { departmentFilter } from "@/features/projects/queries";
import { ResultTable } from "@/features/results/components/result-table";
import { ResultsNav } from "@/features/results/components/results-nav";
import { listResults, resultYears, RESULTS_PAGE_SIZE } from "@/features/results/queries";
import { resultListParamsSchema } from "@/features/results/schemas";
import { districtReader } from "@/features/districts/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResultsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "results.read")) notFound();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const p = resultListParamsSchema.parse(raw);
  // A province-level user's 行政区划 narrows the list, its total, departments and export.
  const { reader, district, options: districts } = await districtReader(user, p.district);
  const [years, departments, t, te] = await Promise.all([
    resultYears(),
    departmentFilter(reader, undefined, p.dept),
    getTranslations("results"),
    getTranslations("enums.grade"),
  ]);
  const year = p.year && years.includes(p.year) ? p.year : (years[0] ?? new Date().getFullYear() - 1);
  const { rows, total } = await listResults(reader, year, { dept: p.dept, grade: p.grade, page: p.page });
  const keep = district ? `&district=${district}` : "";
  const q = (page: number) =>
    `/results?year=${year}${p.dept ? `&dept=${p.dept}` : ""}${p.grade ? `&grade=${p.grade}` : ""}${keep}${page > 1 ? `&page=${page}` : ""}`;
  const label = "mb-1 block text-xs font-medium text-slate-600";
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ResultsNav
        years={years.length ? years : [year]}
        year={year}
        view="list"
        exportHref={
          can(user.role, "results.export") && total > 0 ? `/results/export?year=${year}${keep}` : null
        }
        districts={districts}
        district={district}
      >
        <DepartmentFilter
          choices={departments}
          value={p.dept}
          label={t("filters.department")}
          allLabel={t("filters.all")}
          id="r-dept"
          className="w-44"
        />
        <div>
          <label htmlFor="r-grade" className={label}>
            {t("filters.grade")}
          </label>
          <select id="r-grade" name="grade" defaultValue={p.grade ?? ""} className={`${inputClass} w-24`}>
            <option value="">{t("filters.all")}</option>
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {te(g)}
              </option>
            ))}
          </select>
        </div>
      </ResultsNav>
      <p className="mb-3 text-xs text-slate-500">{t("rule")}</p>
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyHint")} />
      ) : (
        <>
          <ResultTable rows={rows} />
          <Pagination page={p.page} pageSize={RESULTS_PAGE_SIZE} total={total} hrefFor={q} />
        </>
      )}
    </>
  );
}
