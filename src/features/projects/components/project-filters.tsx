import Form from "next/form";
import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { DistrictOption } from "@/features/districts/schemas";
import { PROJECT_KINDS, PROJECT_STAGES } from "@/server/schema/enums";
import { listHref } from "../list-url";
import type { ProjectListFilters } from "../schemas";

const label = "mb-1 block text-xs font-medium text-slate-600";

/**
 * The filter bar: a GET form, so every filter lands in the URL (shareable, back button works).
 * Submitting starts again at page 1 and keeps the sort and the amount unit.
 */
export function ProjectFilters({
  filters,
  years,
  departments,
  districts,
  departmentsNeedDistrict = false,
}: {
  filters: ProjectListFilters;
  years: number[];
  /** Omitted when the user sees a single department or unit: the filter would have one choice. */
  departments?: { id: string; name: string }[];
  /** 行政区划, for a province-level user of a province with several districts only. */
  districts?: DistrictOption[];
  /** The province's departments are listed once a district is picked (only a linked one before). */
  departmentsNeedDistrict?: boolean;
}) {
  const t = useTranslations("projects.filters");
  const te = useTranslations("enums");
  const tc = useTranslations("common");
  // Search wider than the selects; the buttons take what they need. Three to a row on tablets.
  const selects = 2 + (departments ? 1 : 0) + (districts ? 1 : 0);
  const columns = {
    2: "xl:grid-cols-[minmax(0,2fr)_minmax(0,0.8fr)_repeat(2,minmax(0,1fr))_auto]",
    3: "xl:grid-cols-[minmax(0,2fr)_minmax(0,0.8fr)_repeat(3,minmax(0,1fr))_auto]",
    4: "xl:grid-cols-[minmax(0,1.2fr)_minmax(0,0.7fr)_repeat(4,minmax(0,1fr))_auto]",
  }[selects];
  return (
    // Keyed by the filters: after a navigation the controls show the URL's values, not stale ones.
    <Form
      key={listHref(filters)}
      action="/projects"
      aria-label={t("label")}
      className={`mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-2 md:grid-cols-3 ${columns}`}
    >
      <div>
        <label htmlFor="filter-q" className={label}>
          {t("search")}
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder={t("searchPlaceholder")}
          maxLength={100}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="filter-year" className={label}>
          {t("year")}
        </label>
        <select id="filter-year" name="year" defaultValue={String(filters.year)} className={inputClass}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
          <option value="all">{t("allYears")}</option>
        </select>
      </div>
      {districts && (
        <div>
          <label htmlFor="filter-district" className={label}>
            {tc("district")}
          </label>
          <select
            id="filter-district"
            name="district"
            defaultValue={filters.district ?? ""}
            className={inputClass}
          >
            <option value="">{tc("allDistricts")}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {departments && (
        <div>
          <label htmlFor="filter-dept" className={label}>
            {t("department")}
          </label>
          <select
            id="filter-dept"
            name="dept"
            defaultValue={filters.dept ?? ""}
            disabled={departments.length === 0}
            title={departmentsNeedDistrict ? tc("pickDistrictFirst") : undefined}
            className={inputClass}
          >
            <option value="">
              {departmentsNeedDistrict && departments.length === 0
                ? tc("pickDistrictFirst")
                : t("allDepartments")}
            </option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label htmlFor="filter-kind" className={label}>
          {t("kind")}
        </label>
        <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ""} className={inputClass}>
          <option value="">{t("allKinds")}</option>
          {PROJECT_KINDS.map((k) => (
            <option key={k} value={k}>
              {te(`projectKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-stage" className={label}>
          {t("stage")}
        </label>
        <select id="filter-stage" name="stage" defaultValue={filters.stage ?? ""} className={inputClass}>
          <option value="">{t("allStages")}</option>
          {PROJECT_STAGES.map((s) => (
            <option key={s} value={s}>
              {te(`stage.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {filters.sort !== "code" && <input type="hidden" name="sort" value={filters.sort} />}
      {filters.dir !== "asc" && <input type="hidden" name="dir" value={filters.dir} />}
      {filters.money !== "wan" && <input type="hidden" name="money" value={filters.money} />}
      <div className="flex gap-2">
        <Button type="submit">{t("apply")}</Button>
        <ButtonLink href="/projects" variant="secondary">
          {t("reset")}
        </ButtonLink>
      </div>
    </Form>
  );
}
