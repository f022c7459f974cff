import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** The budget-year picker of the assessment pages, with the export link when the user may export. */
export function AssessmentYearForm({
  years,
  year,
  exportHref,
}: {
  years: number[];
  year: number;
  exportHref: string | null;
}) {
  const t = useTranslations("assessment");
  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="a-year" className="mb-1 block text-xs font-medium text-slate-600">
          {t("year")}
        </label>
        <select id="a-year" name="year" defaultValue={year} className={`${inputClass} w-28`}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        {t("apply")}
      </button>
      {exportHref && (
        <a href={exportHref} className={buttonClass("secondary")} download>
          {t("export")}
        </a>
      )}
    </form>
  );
}
