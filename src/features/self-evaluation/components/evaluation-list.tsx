import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { DistrictFilter } from "@/features/districts/components/district-filter";
import type { DistrictOption } from "@/features/districts/schemas";
import { Table, Td, Th } from "@/components/ui/table";
import { GRADES, type EvaluationStatus, type Grade } from "@/domain/evaluation";
import { ratePercent } from "@/domain/money";
import { SELF_STATUSES, type SelfStatus } from "../flow";
import type { CoverageRow, EvaluationListFilters } from "../queries";
import { GradeBadge } from "./grade-badge";
import { SelfStatusBadge } from "./status-badge";

const label = "mb-1 block text-xs font-medium text-slate-600";

export function selfListHref(f: EvaluationListFilters, patch: Partial<EvaluationListFilters> = {}): string {
  const m = { ...f, ...patch };
  const p = new URLSearchParams({ year: String(m.year) });
  if (m.status) p.set("status", m.status);
  if (m.grade) p.set("grade", m.grade);
  if (m.dept) p.set("dept", m.dept);
  if (m.q) p.set("q", m.q);
  if (m.district) p.set("district", m.district);
  if (m.page > 1) p.set("page", String(m.page));
  return `/self-evaluations?${p}`;
}

/** GET filters: every choice lands in the URL. */
export function SelfFilters({
  filters,
  years,
  departments,
  districts,
}: {
  filters: EvaluationListFilters;
  years: number[];
  departments?: { id: string; name: string }[];
  /** 行政区划, for a province-level user of several districts only. */
  districts?: DistrictOption[];
}) {
  const t = useTranslations("selfEvaluation");
  const tg = useTranslations("enums.grade");
  return (
    <Form
      key={selfListHref(filters)}
      action="/self-evaluations"
      aria-label={t("filters.label")}
      className={`mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-2 ${districts ? "lg:grid-cols-[minmax(0,1.6fr)_repeat(5,minmax(0,1fr))_auto]" : "lg:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))_auto]"}`}
    >
      <div>
        <label htmlFor="sf-q" className={label}>
          {t("filters.q")}
        </label>
        <input
          id="sf-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder={t("filters.qPlaceholder")}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="sf-year" className={label}>
          {t("filters.year")}
        </label>
        <select id="sf-year" name="year" defaultValue={String(filters.year)} className={inputClass}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="sf-status" className={label}>
          {t("filters.status")}
        </label>
        <select id="sf-status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
          <option value="">{t("filters.allStatuses")}</option>
          {(["NONE", ...SELF_STATUSES] as const).map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="sf-grade" className={label}>
          {t("filters.grade")}
        </label>
        <select id="sf-grade" name="grade" defaultValue={filters.grade ?? ""} className={inputClass}>
          <option value="">{t("filters.allGrades")}</option>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {tg(g)}
            </option>
          ))}
        </select>
      </div>
      {districts && <DistrictFilter id="sf-district" options={districts} district={filters.district} />}
      {departments ? (
        <div>
          <label htmlFor="sf-dept" className={label}>
            {t("filters.dept")}
          </label>
          <select id="sf-dept" name="dept" defaultValue={filters.dept ?? ""} className={inputClass}>
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
          href={selfListHref({ year: filters.year, district: filters.district, page: 1 })}
          variant="secondary"
        >
          {t("filters.reset")}
        </ButtonLink>
      </div>
    </Form>
  );
}

/** Counts by status as links: a filer sees what is left to fill, an approver what waits for them. */
export function SelfStatusCounts({
  filters,
  byStatus,
}: {
  filters: EvaluationListFilters;
  byStatus: Record<string, number>;
}) {
  const t = useTranslations("selfEvaluation");
  const all = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const items: [SelfStatus | "NONE" | undefined, number][] = [
    [undefined, all],
    ...(["NONE", ...SELF_STATUSES] as const)
      .filter((s) => s !== "NONE" || (byStatus.NONE ?? 0) > 0)
      .map((s) => [s, byStatus[s] ?? 0] as [SelfStatus | "NONE", number]),
  ];
  return (
    <nav aria-label={t("counts.label")} className="mb-4 flex flex-wrap gap-2">
      {items.map(([s, n]) => (
        <Link
          key={s ?? "all"}
          href={selfListHref(filters, { status: s, page: 1 })}
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
  status: EvaluationStatus | null;
  totalScore: string | null;
  grade: Grade | null;
};

export function SelfTable({ rows }: { rows: Row[] }) {
  const t = useTranslations("selfEvaluation");
  return (
    <Table aria-label={t("list.caption")}>
      <thead>
        <tr>
          <Th>{t("col.code")}</Th>
          <Th>{t("col.project")}</Th>
          <Th>{t("col.unit")}</Th>
          <Th>{t("col.status")}</Th>
          <Th align="right">{t("col.total")}</Th>
          <Th>{t("col.grade")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.projectId} className="hover:bg-slate-50">
            <Td className="num whitespace-nowrap">{r.code}</Td>
            <Td>
              <Link
                href={`/self-evaluations/${r.projectId}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {r.name}
              </Link>
            </Td>
            <Td className="text-slate-600">
              {r.departmentName} / {r.unitName}
            </Td>
            <Td>
              <SelfStatusBadge status={r.status} />
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

/** 自评覆盖率 by department: filed of total, received by finance, average self score. */
export function CoverageTable({ rows, year }: { rows: CoverageRow[]; year: number }) {
  const t = useTranslations("selfEvaluation.coverage");
  const sum = rows.reduce(
    (a, r) => ({
      projects: a.projects + r.projects,
      filed: a.filed + r.filed,
      received: a.received + r.received,
    }),
    { projects: 0, filed: 0, received: 0 },
  );
  const pct = (part: number, whole: number) =>
    whole ? `${ratePercent(BigInt(part), BigInt(whole), 1)}%` : "—";
  return (
    <section aria-labelledby="coverage-title" className="mb-6">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="coverage-title" className="text-base font-semibold text-slate-900">
          {t("title", { year })}
        </h2>
        <p className="text-sm text-slate-600" data-testid="coverage-headline">
          {t("headline", { filed: sum.filed, total: sum.projects, rate: pct(sum.filed, sum.projects) })}
        </p>
      </div>
      {/* Forty-odd departments: the table scrolls under its header rather than pushing the list down. */}
      <div className="max-h-96 overflow-y-auto rounded-lg">
        <Table aria-label={t("caption", { year })}>
          <thead>
            <tr>
              <Th className="sticky top-0">{t("department")}</Th>
              <Th align="right" className="sticky top-0">
                {t("projects")}
              </Th>
              <Th align="right" className="sticky top-0">
                {t("filed")}
              </Th>
              <Th align="right" className="sticky top-0">
                {t("rate")}
              </Th>
              <Th align="right" className="sticky top-0">
                {t("received")}
              </Th>
              <Th align="right" className="sticky top-0">
                {t("average")}
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.departmentId}>
                <Td>
                  <Link
                    href={`/self-evaluations?year=${year}&dept=${r.departmentId}`}
                    className="text-brand-700 hover:underline"
                  >
                    {r.departmentName}
                  </Link>
                </Td>
                <Td align="right">{r.projects}</Td>
                <Td align="right">{r.filed}</Td>
                <Td align="right" className={r.filed < r.projects ? "font-medium text-amber-700" : ""}>
                  {pct(r.filed, r.projects)}
                </Td>
                <Td align="right">{r.received}</Td>
                <Td align="right">{r.averageScore ?? "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </section>
  );
}
