import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { DepartmentFilter } from "@/features/districts/components/department-filter";
import type { DistrictOption } from "@/features/districts/schemas";
import type { DepartmentChoices } from "@/features/projects/queries";
import { LIST_STATUSES, type PreListFilters } from "../schemas";

type Props = {
  filters: PreListFilters;
  years: number[];
  departments: DepartmentChoices;
  /** 行政区划, for a province-level user of several districts only (empty otherwise). */
  districts?: DistrictOption[];
};

/** Plain GET filters: every view is a URL, and it works without JavaScript. */
export async function PreListFilters({ filters, years, departments, districts = [] }: Props) {
  const t = await getTranslations("preAssessment");
  const tc = await getTranslations("common");
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("list.filter")}>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("list.year")}</span>
        <select name="year" defaultValue={filters.year} className={inputClass}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {districts.length > 0 && (
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">{tc("district")}</span>
          <select name="district" defaultValue={filters.district ?? ""} className={inputClass}>
            <option value="">{tc("allDistricts")}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <DepartmentFilter
        choices={departments}
        value={filters.dept}
        label={t("list.department")}
        allLabel={tc("all")}
        id="pre-dept"
        labelClassName="mb-1 block text-sm font-medium text-slate-700"
      />
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("list.status")}</span>
        <select name="status" defaultValue={filters.status ?? ""} className={inputClass}>
          <option value="">{tc("all")}</option>
          {LIST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="secondary">
        {t("list.filter")}
      </Button>
    </form>
  );
}
