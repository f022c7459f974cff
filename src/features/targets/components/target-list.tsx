import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { DistrictFilter } from "@/features/districts/components/district-filter";
import type { DistrictOption } from "@/features/districts/schemas";
import { Table, Td, Th } from "@/components/ui/table";
import { SHEET_STATUSES, type SheetStatus } from "../levels";
import type { TargetListFilters } from "../queries";
import { SheetStatusBadge } from "./status-badge";

const label = "mb-1 block text-xs font-medium text-slate-600";

export function targetListHref(f: TargetListFilters, patch: Partial<TargetListFilters> = {}): string {
  const m = { ...f, ...patch };
  const p = new URLSearchParams({ year: String(m.year) });
  if (m.status) p.set("status", m.status);
  if (m.dept) p.set("dept", m.dept);
  if (m.q) p.set("q", m.q);
  if (m.district) p.set("district", m.district);
  if (m.page > 1) p.set("page", String(m.page));
  return `/targets?${p}`;
}

/** GET filters: every choice lands in the URL. */
export function TargetFilters({
  filters,
  years,
  departments,
  districts,
}: {
  filters: TargetListFilters;
  years: number[];
  departments?: { id: string; name: string }[];
  /** 行政区划, for a province-level user of several districts only. */
  districts?: DistrictOption[];
}) {
  const t = useTranslations("targets");
  return (
    <Form
      key={targetListHref(filters)}
      action="/targets"
      aria-label={t("filters.label")}
      className={`mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-2 ${districts ? "lg:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))_auto]" : "lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_auto]"}`}
    >
      <div>
        <label htmlFor="tf-q" className={label}>
          {t("filters.q")}
        </label>
        <input
          id="tf-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder={t("filters.qPlaceholder")}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="tf-year" className={label}>
          {t("filters.year")}
        </label>
        <select id="tf-year" name="year" defaultValue={String(filters.year)} className={inputClass}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="tf-status" className={label}>
          {t("filters.status")}
        </label>
        <select id="tf-status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
          <option value="">{t("filters.allStatuses")}</option>
          {(["NONE", ...SHEET_STATUSES] as const).map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {districts && <DistrictFilter id="tf-district" options={districts} district={filters.district} />}
      {departments ? (
        <div>
          <label htmlFor="tf-dept" className={label}>
            {t("filters.dept")}
          </label>
          <select id="tf-dept" name="dept" defaultValue={filters.dept ?? ""} className={inputClass}>
            <option value="">{t("filters.allDepts")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div />
      )}
      <div className="flex gap-2">
        <Button type="submit">{t("filters.apply")}</Button>
        <ButtonLink
          href={targetListHref({ year: filters.year, district: filters.district, page: 1 })}
          variant="secondary"
        >
          {t("filters.reset")}
        </ButtonLink>
      </div>
    </Form>
  );
}

/** Counts by status as links: a filer sees what is left to fill, an approver what waits for them. */
export function StatusCounts({
  filters,
  byStatus,
}: {
  filters: TargetListFilters;
  byStatus: Record<string, number>;
}) {
  const t = useTranslations("targets");
  const all = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const items: [SheetStatus | "NONE" | undefined, number][] = [
    [undefined, all],
    ...(["NONE", ...SHEET_STATUSES] as const).map(
      (s) => [s, byStatus[s] ?? 0] as [SheetStatus | "NONE", number],
    ),
  ];
  return (
    <nav aria-label={t("counts.label")} className="mb-4 flex flex-wrap gap-2">
      {items.map(([s, n]) => (
        <Link
          key={s ?? "all"}
          href={targetListHref(filters, { status: s, page: 1 })}
          aria-current={filters.status === s ? "page" : undefined}
          className={`rounded-full px-3 py-1 text-sm ring-1 ring-inset ${filters.status === s ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
        >
          {s ? t(`status.${s}`) : t("counts.all")} <span className="num font-semibold">{n}</span>
        </Link>
      ))}
    </nav>
  );
}

type Row = {
  projectId: string;
  code: string;
  name: string;
  departmentName: string;
  unitName: string;
  status: SheetStatus | null;
  versionNo: number | null;
};

export function TargetTable({ rows }: { rows: Row[] }) {
  const t = useTranslations("targets");
  return (
    <Table>
      <thead>
        <tr>
          <Th>{t("col.code")}</Th>
          <Th>{t("col.project")}</Th>
          <Th>{t("col.department")}</Th>
          <Th>{t("col.unit")}</Th>
          <Th>{t("col.status")}</Th>
          <Th align="right">{t("col.version")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.projectId} className="hover:bg-slate-50">
            <Td className="num whitespace-nowrap">{r.code}</Td>
            <Td>
              <Link href={`/targets/${r.projectId}`} className="text-brand-700 hover:underline">
                {r.name}
              </Link>
            </Td>
            <Td className="whitespace-nowrap">{r.departmentName}</Td>
            <Td className="whitespace-nowrap">{r.unitName}</Td>
            <Td>
              <SheetStatusBadge status={r.status} />
            </Td>
            <Td align="right">{r.versionNo ?? "—"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
