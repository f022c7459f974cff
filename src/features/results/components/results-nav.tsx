import Link from "next/link";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { ExportButton } from "@/components/ui/export-button";
import { DistrictFilter } from "@/features/districts/components/district-filter";
import type { DistrictOption } from "@/features/districts/schemas";

/** Year picker and the two views (projects, summary by department). */
export function ResultsNav({
  years,
  year,
  view,
  exportHref,
  districts = [],
  district,
  children,
}: {
  years: number[];
  year: number;
  view: "list" | "summary";
  exportHref: string | null;
  /** 行政区划, for a province-level user of several districts only (empty otherwise). */
  districts?: DistrictOption[];
  district?: string;
  children?: React.ReactNode;
}) {
  const t = useTranslations("results");
  const keep = district ? `&district=${district}` : "";
  const tab = (v: "list" | "summary") =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${view === v ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`;
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <nav className="flex gap-2" aria-label={t("title")}>
        <Link
          href={`/results?year=${year}${keep}`}
          className={tab("list")}
          aria-current={view === "list" ? "page" : undefined}
        >
          {t("listLink")}
        </Link>
        <Link
          href={`/results/summary?year=${year}${keep}`}
          className={tab("summary")}
          aria-current={view === "summary" ? "page" : undefined}
        >
          {t("summaryLink")}
        </Link>
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="r-year" className="mb-1 block text-xs font-medium text-slate-600">
            {t("year")}
          </label>
          <select id="r-year" name="year" defaultValue={year} className={`${inputClass} w-28`}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        {districts.length > 0 && (
          <DistrictFilter id="r-district" options={districts} district={district} className="w-32" />
        )}
        {children}
        <button type="submit" className={buttonClass("secondary")}>
          {t("filters.apply")}
        </button>
        {exportHref && <ExportButton href={exportHref}>{t("export")}</ExportButton>}
      </form>
    </div>
  );
}
