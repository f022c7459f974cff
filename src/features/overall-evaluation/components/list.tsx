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
import { BASE_PATH, STATUSES, type OverallType } from "../flow";
import type { OverallFilters, OverallRow } from "../queries";
import { OverallStatusBadge, typeNs } from "./status-badge";

const label = "mb-1 block text-xs font-medium text-slate-600";

export function overallListHref(
  type: OverallType,
  f: OverallFilters,
  patch: Partial<OverallFilters> = {},
  path = "",
): string {
  const m = { ...f, ...patch };
  const p = new URLSearchParams();
  if (m.year) p.set("year", String(m.year));
  if (m.status) p.set("status", m.status);
  if (m.org) p.set("org", m.org);
  if (m.district) p.set("district", m.district);
  if (m.page > 1) p.set("page", String(m.page));
  const q = p.toString();
  return `${BASE_PATH[type]}${path}${q ? `?${q}` : ""}`;
}

/** GET filters: year, status and department (or township); every choice lands in the URL. */
export function OverallFiltersForm({
  type,
  filters,
  years,
  orgs,
  districts,
}: {
  type: OverallType;
  filters: OverallFilters;
  years: number[];
  orgs?: { id: string; name: string }[];
  /** 行政区划, for a province-level user of several districts only. */
  districts?: DistrictOption[];
}) {
  const t = useTranslations("overallEvaluation");
  const ts = useTranslations(`overallEvaluation.${typeNs(type)}`);
  return (
    <Form
      key={overallListHref(type, filters)}
      action={BASE_PATH[type]}
      aria-label={t("filters.label")}
      className={`mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-2 ${districts ? "lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]" : "lg:grid-cols-[repeat(3,minmax(0,1fr))_auto]"}`}
    >
      <div>
        <label htmlFor="of-year" className={label}>
          {t("filters.year")}
        </label>
        <select id="of-year" name="year" defaultValue={filters.year ?? ""} className={inputClass}>
          <option value="">{t("filters.allYears")}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="of-status" className={label}>
          {t("filters.status")}
        </label>
        <select id="of-status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
          <option value="">{t("filters.allStatuses")}</option>
          {STATUSES[type].map((s) => (
            <option key={s} value={s}>
              {ts(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {districts && <DistrictFilter id="of-district" options={districts} district={filters.district} />}
      {orgs ? (
        <div>
          <label htmlFor="of-org" className={label}>
            {ts("org")}
          </label>
          <select id="of-org" name="org" defaultValue={filters.org ?? ""} className={inputClass}>
            <option value="">{ts("allOrgs")}</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div />
      )}
      <div className="flex gap-2">
        <Button type="submit">{t("filters.apply")}</Button>
        <ButtonLink href={overallListHref(type, { district: filters.district, page: 1 })} variant="secondary">
          {t("filters.reset")}
        </ButtonLink>
      </div>
    </Form>
  );
}

/** Counts by status as links. */
export function OverallStatusCounts({
  type,
  filters,
  byStatus,
}: {
  type: OverallType;
  filters: OverallFilters;
  byStatus: Record<string, number>;
}) {
  const t = useTranslations("overallEvaluation");
  const ts = useTranslations(`overallEvaluation.${typeNs(type)}.status`);
  const all = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const items = [[undefined, all] as const, ...STATUSES[type].map((s) => [s, byStatus[s] ?? 0] as const)];
  return (
    <nav aria-label={t("counts")} className="mb-4 flex flex-wrap gap-2">
      {items.map(([s, n]) => (
        <Link
          key={s ?? "all"}
          href={overallListHref(type, filters, { status: s, page: 1 })}
          aria-current={filters.status === s ? "page" : undefined}
          className={`rounded-full px-3 py-1 text-sm ring-1 ring-inset ${filters.status === s ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
        >
          {s ? ts(s) : t("filters.all")} <span className="num font-semibold">{n}</span>
        </Link>
      ))}
    </nav>
  );
}

export function OverallTable({ type, rows }: { type: OverallType; rows: OverallRow[] }) {
  const t = useTranslations("overallEvaluation");
  const ts = useTranslations(`overallEvaluation.${typeNs(type)}`);
  const dept = type === "DEPT_OVERALL";
  return (
    <Table aria-label={ts("listCaption")}>
      <thead>
        <tr>
          <Th>{ts("org")}</Th>
          <Th>{t("col.year")}</Th>
          <Th>{t("col.status")}</Th>
          {dept && <Th align="right">{t("col.budget")}</Th>}
          <Th align="right">{t("col.selfTotal")}</Th>
          <Th align="right">{t("col.total")}</Th>
          <Th>{t("col.grade")}</Th>
          {dept && <Th>{t("col.agency")}</Th>}
          {dept && <Th align="right">{t("col.opinions")}</Th>}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id} className="hover:bg-slate-50">
            <Td>
              <Link
                href={`${BASE_PATH[type]}/${r.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {r.orgName}
              </Link>
            </Td>
            <Td className="num">{r.year}</Td>
            <Td>
              <OverallStatusBadge type={type} status={r.status} />
            </Td>
            {dept && <Td align="right">{r.budget === null ? "—" : inUnit(r.budget, "wan", 2)}</Td>}
            <Td align="right">{r.selfTotal ?? "—"}</Td>
            <Td align="right">{r.total ?? "—"}</Td>
            <Td>
              <GradeBadge grade={r.grade} />
            </Td>
            {dept && <Td className="text-slate-600">{r.agencyName ?? t("noAgency")}</Td>}
            {dept && <Td align="right">{r.opinions}</Td>}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
