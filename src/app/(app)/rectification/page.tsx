import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { RECTIFICATION_SOURCES, RECTIFICATION_STATUSES } from "@/domain/rectification";
import { ItemTable } from "@/features/rectification/components/item-table";
import { ITEMS_PAGE_SIZE, listItems } from "@/features/rectification/queries";
import { departmentFilter } from "@/features/projects/queries";
import { DepartmentFilter } from "@/features/districts/components/department-filter";
import { itemListParamsSchema, type ItemListParams } from "@/features/rectification/schemas";
import { DistrictFilter } from "@/features/districts/components/district-filter";
import { districtReader } from "@/features/districts/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";
import { ExportButton } from "@/components/ui/export-button";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function query(p: Partial<ItemListParams>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p))
    if (v !== undefined && v !== "" && !(k === "page" && v === 1)) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export default async function RectificationPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "rectification.read")) notFound();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const parsed = itemListParamsSchema.parse(raw);
  // A province-level user's 行政区划 narrows the list, its departments, its total and its export.
  const { reader, district, options: districts } = await districtReader(user, parsed.district);
  const p = { ...parsed, district };
  const [{ rows, total }, departments, t] = await Promise.all([
    listItems(reader, p),
    departmentFilter(reader, undefined, parsed.dept),
    getTranslations("rectification"),
  ]);
  const { page: _page, ...filters } = p;
  void _page;
  const label = "mb-1 block text-xs font-medium text-slate-600";
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(user.role, "rectification.export") &&
          total > 0 && (
            <ExportButton href={`/rectification/export${query(filters)}`}>{t("export")}</ExportButton>
          )
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("filters.label")}>
        <div>
          <label htmlFor="f-status" className={label}>
            {t("filters.status")}
          </label>
          <select id="f-status" name="status" defaultValue={p.status ?? ""} className={`${inputClass} w-32`}>
            <option value="">{t("filters.all")}</option>
            {RECTIFICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-source" className={label}>
            {t("filters.source")}
          </label>
          <select id="f-source" name="source" defaultValue={p.source ?? ""} className={`${inputClass} w-44`}>
            <option value="">{t("filters.all")}</option>
            {RECTIFICATION_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`source.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {districts.length > 0 && (
          <DistrictFilter id="f-district" options={districts} district={district} className="w-36" />
        )}
        <DepartmentFilter
          choices={departments}
          value={p.dept}
          label={t("filters.department")}
          allLabel={t("filters.all")}
          id="f-dept"
          className="w-48"
        />
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
          <input type="checkbox" name="overdue" value="1" defaultChecked={p.overdue === "1"} />
          {t("filters.overdueOnly")}
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          {t("filters.apply")}
        </button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyHint")} />
      ) : (
        <>
          <ItemTable rows={rows} />
          <Pagination
            page={p.page}
            pageSize={ITEMS_PAGE_SIZE}
            total={total}
            hrefFor={(page) => `/rectification${query({ ...filters, page })}`}
          />
        </>
      )}
    </>
  );
}
