import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { DistrictFilter } from "@/features/districts/components/district-filter";
import type { DistrictOption } from "@/features/districts/schemas";
import { Table, Td, Th } from "@/components/ui/table";
import { inUnit } from "@/domain/money";
import { GradeBadge } from "@/features/self-evaluation/components/grade-badge";
import { KEY_STATUSES, type KeyStatus } from "../flow";
import type { KeyListFilters, KeyRow } from "../queries";
import { KeyStatusBadge } from "./status-badge";

const label = "mb-1 block text-xs font-medium text-slate-600";

export function keyListHref(
  f: KeyListFilters,
  patch: Partial<KeyListFilters> = {},
  path = "/key-evaluations",
) {
  const m = { ...f, ...patch };
  const p = new URLSearchParams({ year: String(m.year) });
  if (m.status) p.set("status", m.status);
  if (m.dept) p.set("dept", m.dept);
  if (m.q) p.set("q", m.q);
  if (m.district) p.set("district", m.district);
  if (m.page > 1) p.set("page", String(m.page));
  return `${path}?${p}`;
}

/** GET filters: every choice lands in the URL. */
export function KeyFilters({
  filters,
  years,
  departments,
  districts,
}: {
  filters: KeyListFilters;
  years: number[];
  departments?: { id: string; name: string }[];
  /** 行政区划, for a province-level user of several districts only. */
  districts?: DistrictOption[];
}) {
  const t = useTranslations("keyEvaluation");
  return (
    <Form
      key={keyListHref(filters)}
      action="/key-evaluations"
      aria-label={t("filters.label")}
      className={`mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-2 ${districts ? "lg:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))_auto]" : "lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_auto]"}`}
    >
      <div>
        <label htmlFor="kf-q" className={label}>
          {t("filters.q")}
        </label>
        <input
          id="kf-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder={t("filters.qPlaceholder")}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="kf-year" className={label}>
          {t("filters.year")}
        </label>
        <select id="kf-year" name="year" defaultValue={String(filters.year)} className={inputClass}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="kf-status" className={label}>
          {t("filters.status")}
        </label>
        <select id="kf-status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
          <option value="">{t("filters.allStatuses")}</option>
          {KEY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {districts && <DistrictFilter id="kf-district" options={districts} district={filters.district} />}
      {departments ? (
        <div>
          <label htmlFor="kf-dept" className={label}>
            {t("filters.dept")}
          </label>
          <select id="kf-dept" name="dept" defaultValue={filters.dept ?? ""} className={inputClass}>
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
          href={keyListHref({ year: filters.year, district: filters.district, page: 1 })}
          variant="secondary"
        >
          {t("filters.reset")}
        </ButtonLink>
      </div>
    </Form>
  );
}

/** Counts by status as links. */
export function KeyStatusCounts({
  filters,
  byStatus,
}: {
  filters: KeyListFilters;
  byStatus: Record<string, number>;
}) {
  const t = useTranslations("keyEvaluation");
  const all = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const items: [KeyStatus | undefined, number][] = [
    [undefined, all],
    ...KEY_STATUSES.map((s) => [s, byStatus[s] ?? 0] as [KeyStatus, number]),
  ];
  return (
    <nav aria-label={t("counts.label")} className="mb-4 flex flex-wrap gap-2">
      {items.map(([s, n]) => (
        <Link
          key={s ?? "all"}
          href={keyListHref(filters, { status: s, page: 1 })}
          aria-current={filters.status === s ? "page" : undefined}
          className={`rounded-full px-3 py-1 text-sm ring-1 ring-inset ${filters.status === s ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
        >
          {s ? t(`status.${s}`) : t("counts.all")} <span className="num font-semibold">{n}</span>
        </Link>
      ))}
    </nav>
  );
}

export function KeyTable({ rows }: { rows: KeyRow[] }) {
  const t = useTranslations("keyEvaluation");
  const ta = useTranslations("enums.specialArea");
  return (
    <Table>
      <caption className="sr-only">{t("title")}</caption>
      <thead>
        <tr>
          <Th>{t("col.project")}</Th>
          <Th>{t("col.department")}</Th>
          <Th align="right">{t("col.budgetWan")}</Th>
          <Th>{t("col.lead")}</Th>
          <Th>{t("col.dueDate")}</Th>
          <Th>{t("col.status")}</Th>
          <Th align="right">{t("col.total")}</Th>
          <Th>{t("col.grade")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id} className="hover:bg-slate-50">
            <Td className="max-w-md">
              <Link href={`/key-evaluations/${r.id}`} className="font-medium text-brand-700 hover:underline">
                {r.name}
              </Link>
              <div className="text-xs text-slate-500">
                <span className="num">{r.code}</span>
                {r.specialArea !== "GENERAL" && <> · {ta(r.specialArea)}</>}
              </div>
            </Td>
            <Td>
              {r.departmentName}
              <div className="text-xs text-slate-500">{r.unitName}</div>
            </Td>
            <Td align="right">{inUnit(r.budgetTotal, "wan", 2)}</Td>
            <Td className="whitespace-nowrap">{r.leadName ?? "—"}</Td>
            <Td className="num whitespace-nowrap">{r.dueDate ?? "—"}</Td>
            <Td>
              <KeyStatusBadge status={r.status} />
            </Td>
            <Td align="right">{r.totalScore ?? "—"}</Td>
            <Td>
              <GradeBadge grade={r.grade} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
