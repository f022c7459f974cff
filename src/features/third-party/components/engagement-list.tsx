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
import { LIST_STATUSES, type EngagementRow, type ListFilters } from "../queries";
import { daysLeft, isOverdue } from "../rules";
import { DeadlineNote, EngagementStatusBadge } from "./badges";

const label = "mb-1 block text-xs font-medium text-slate-600";

export function listHref(f: ListFilters, patch: Partial<ListFilters> = {}, base = "/third-party"): string {
  const m = { ...f, ...patch };
  const p = new URLSearchParams();
  if (m.year) p.set("year", String(m.year));
  if (m.status) p.set("status", m.status);
  if (m.agency) p.set("agency", m.agency);
  if (m.dept) p.set("dept", m.dept);
  if (m.q) p.set("q", m.q);
  if (m.district) p.set("district", m.district);
  if (m.page > 1) p.set("page", String(m.page));
  const qs = p.toString();
  return qs ? `${base}?${qs}` : base;
}

/** GET filters: year, status, agency, department and a search; every choice lands in the URL. */
export function EngagementFilters({
  filters,
  years,
  agencies,
  departments,
  districts,
}: {
  filters: ListFilters;
  years: number[];
  agencies: { id: string; name: string }[];
  departments: { id: string; name: string }[];
  /** 行政区划, for a province-level user of several districts only. */
  districts?: DistrictOption[];
}) {
  const t = useTranslations("thirdParty");
  const select = (
    id: string,
    name: keyof ListFilters,
    title: string,
    all: string,
    options: [string, string][],
  ) => (
    <div>
      <label htmlFor={id} className={label}>
        {title}
      </label>
      <select id={id} name={name} defaultValue={String(filters[name] ?? "")} className={inputClass}>
        <option value="">{all}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Form
      key={listHref(filters)}
      action="/third-party"
      aria-label={t("filters.label")}
      className={`mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-2 ${districts ? "lg:grid-cols-[minmax(0,1.4fr)_repeat(5,minmax(0,1fr))_auto]" : "lg:grid-cols-[minmax(0,1.6fr)_repeat(4,minmax(0,1fr))_auto]"}`}
    >
      <div>
        <label htmlFor="tp-q" className={label}>
          {t("filters.q")}
        </label>
        <input
          id="tp-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder={t("filters.qPlaceholder")}
          className={inputClass}
        />
      </div>
      {select(
        "tp-year",
        "year",
        t("filters.year"),
        t("filters.allYears"),
        years.map((y) => [String(y), String(y)]),
      )}
      {select(
        "tp-status",
        "status",
        t("filters.status"),
        t("filters.allStatuses"),
        LIST_STATUSES.map((s) => [s, t(`status.${s}`)]),
      )}
      {agencies.length > 0 ? (
        select(
          "tp-agency",
          "agency",
          t("filters.agency"),
          t("filters.allAgencies"),
          agencies.map((a) => [a.id, a.name]),
        )
      ) : (
        <div />
      )}
      {districts && <DistrictFilter id="tp-district" options={districts} district={filters.district} />}
      {departments.length > 1 ? (
        select(
          "tp-dept",
          "dept",
          t("filters.dept"),
          t("filters.allDepts"),
          departments.map((d) => [d.id, d.name]),
        )
      ) : (
        <div />
      )}
      <div className="flex gap-2">
        <Button type="submit">{t("filters.apply")}</Button>
        <ButtonLink href={listHref({ district: filters.district, page: 1 })} variant="secondary">
          {t("filters.reset")}
        </ButtonLink>
      </div>
    </Form>
  );
}

/** Counts by status as links. */
export function StatusCounts({
  filters,
  byStatus,
}: {
  filters: ListFilters;
  byStatus: Record<string, number>;
}) {
  const t = useTranslations("thirdParty");
  const all = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const items = [[undefined, all] as const, ...LIST_STATUSES.map((s) => [s, byStatus[s] ?? 0] as const)];
  return (
    <nav aria-label={t("counts.label")} className="mb-4 flex flex-wrap gap-2">
      {items.map(([s, n]) => (
        <Link
          key={s ?? "all"}
          href={listHref(filters, { status: s, page: 1 })}
          aria-current={filters.status === s ? "page" : undefined}
          className={`rounded-full px-3 py-1 text-sm ring-1 ring-inset ${filters.status === s ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
        >
          {s ? t(`status.${s}`) : t("counts.all")} <span className="num font-semibold">{n}</span>
        </Link>
      ))}
    </nav>
  );
}

/** The engagements: subject, agency, fee (万元), deadline, status, total, grade and the agency's rating. */
export function EngagementTable({
  rows,
  today,
  showAgency = true,
}: {
  rows: EngagementRow[];
  today: string;
  showAgency?: boolean;
}) {
  const t = useTranslations("thirdParty");
  return (
    <Table aria-label={t("list.caption")}>
      <thead>
        <tr>
          <Th>{t("col.subject")}</Th>
          <Th>{t("col.department")}</Th>
          {showAgency && <Th>{t("col.agency")}</Th>}
          <Th align="right">{t("col.fee")}</Th>
          <Th>{t("col.deadline")}</Th>
          <Th>{t("col.status")}</Th>
          <Th align="right">{t("col.total")}</Th>
          <Th>{t("col.grade")}</Th>
          <Th align="right">{t("col.rating")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => {
          const overdue = isOverdue(r.deadline, r.status, today);
          return (
            <tr key={r.evaluationId} className="hover:bg-slate-50" data-overdue={overdue || undefined}>
              <Td className="min-w-52">
                <Link
                  href={`/third-party/${r.evaluationId}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {r.projectName ?? t("deptOverallName", { name: r.subjectName ?? "" })}
                </Link>
                <div className="text-xs text-slate-500">
                  {r.projectCode ?? t("deptOverallKind")} · {r.year}
                </div>
              </Td>
              <Td className="text-slate-600">{r.departmentName ?? "—"}</Td>
              {showAgency && <Td className="text-slate-600">{r.agencyName}</Td>}
              <Td align="right">{inUnit(r.fee, "wan")}</Td>
              <Td className="whitespace-nowrap">
                <span className="num">{r.deadline}</span>{" "}
                {r.status !== "SUBMITTED" && r.status !== "SETTLED" && (
                  <DeadlineNote overdue={overdue} days={daysLeft(r.deadline, today)} />
                )}
              </Td>
              <Td>
                <EngagementStatusBadge status={r.status} />
              </Td>
              <Td align="right">{r.totalScore ?? "—"}</Td>
              <Td>
                <GradeBadge grade={r.grade} />
              </Td>
              <Td align="right">{r.rating ?? "—"}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
