import Form from "next/form";
import { useTranslations } from "next-intl";
import { DepartmentFilter } from "@/features/districts/components/department-filter";
import type { DepartmentChoices } from "@/features/projects/queries";
import { Button, ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { REPORT_STATUSES, WARNING_COLOURS } from "../constants";
import type { ReportListFilters } from "../queries";

const label = "mb-1 block text-xs font-medium text-slate-600";

/** The list URL with the filters (and a patch), for links and paging. */
export function reportListHref(
  path: string,
  f: ReportListFilters & { round?: string },
  patch: Partial<ReportListFilters> = {},
) {
  const m = { ...f, ...patch };
  const p = new URLSearchParams();
  if (m.round) p.set("round", m.round);
  if (m.q) p.set("q", m.q);
  if (m.status) p.set("status", m.status);
  if (m.colour) p.set("colour", m.colour);
  if (m.dept) p.set("dept", m.dept);
  if (m.flagged) p.set("flagged", "1");
  if (m.district) p.set("district", m.district);
  if (m.page > 1) p.set("page", String(m.page));
  const qs = p.toString();
  return qs ? `${path}?${qs}` : path;
}

/** GET filters: every choice lands in the URL. */
export function ReportFilters({
  path,
  filters,
  departments,
  withStatus = true,
  round,
}: {
  path: string;
  filters: ReportListFilters;
  departments?: DepartmentChoices;
  withStatus?: boolean;
  round?: string;
}) {
  const t = useTranslations("monitoring");
  return (
    <Form
      key={reportListHref(path, { ...filters, round })}
      action={path}
      aria-label={t("filters.label")}
      className="mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_auto_auto]"
    >
      {round && <input type="hidden" name="round" value={round} />}
      {filters.district && <input type="hidden" name="district" value={filters.district} />}
      <div>
        <label htmlFor="mf-q" className={label}>
          {t("filters.q")}
        </label>
        <input
          id="mf-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder={t("filters.qPlaceholder")}
          className={inputClass}
        />
      </div>
      {withStatus ? (
        <div>
          <label htmlFor="mf-status" className={label}>
            {t("filters.status")}
          </label>
          <select id="mf-status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
            <option value="">{t("filters.allStatuses")}</option>
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div />
      )}
      <div>
        <label htmlFor="mf-colour" className={label}>
          {t("filters.colour")}
        </label>
        <select id="mf-colour" name="colour" defaultValue={filters.colour ?? ""} className={inputClass}>
          <option value="">{t("filters.allColours")}</option>
          {WARNING_COLOURS.map((c) => (
            <option key={c} value={c}>
              {t(`colour.${c}`)}
            </option>
          ))}
        </select>
      </div>
      {departments && !(departments.all && departments.options.length <= 1) ? (
        <DepartmentFilter
          choices={departments}
          value={filters.dept}
          label={t("filters.department")}
          allLabel={t("filters.allDepartments")}
          id="mf-dept"
          labelClassName={label}
        />
      ) : (
        <div />
      )}
      <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="flagged"
          value="1"
          defaultChecked={filters.flagged}
          className="size-4 rounded border-slate-300"
        />
        {t("filters.flagged")}
      </label>
      <div className="flex gap-2">
        <Button type="submit">{t("filters.apply")}</Button>
        <ButtonLink
          href={reportListHref(path, { round, district: filters.district, page: 1 })}
          variant="ghost"
        >
          {t("filters.reset")}
        </ButtonLink>
      </div>
    </Form>
  );
}
