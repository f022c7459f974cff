import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { formatAmount, formatRate, UNIT_LABEL_KEY } from "../format";
import { sortHref } from "../list-url";
import type { ProjectListRow } from "../queries";
import type { ProjectListFilters, SortKey } from "../schemas";
import { PreviousCell, type PreviousSummary } from "@/features/results/components/previous-cell";
import { StageBadge } from "./stage-badge";

function SortHeader({
  filters,
  column,
  label,
  sub,
  align = "left",
}: {
  filters: ProjectListFilters;
  column: SortKey;
  label: string;
  /** A second line under the label, e.g. the amount unit. */
  sub?: string;
  align?: "left" | "right";
}) {
  const t = useTranslations("projects");
  const active = filters.sort === column;
  const arrow = active ? (filters.dir === "asc" ? "↑" : "↓") : "↕";
  return (
    <Th align={align} aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link
        href={sortHref(filters, column)}
        scroll={false}
        title={t("sortBy", { column: label })}
        className={`inline-flex items-center gap-1 rounded hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-600 ${
          active ? "text-brand-700" : ""
        }`}
      >
        <span className={align === "right" ? "text-right" : ""}>
          {label}
          {sub && (
            <span className="block text-[11px] font-normal whitespace-nowrap text-slate-500">{sub}</span>
          )}
        </span>
        <span aria-hidden="true" className={active ? "" : "text-slate-300"}>
          {arrow}
        </span>
      </Link>
    </Th>
  );
}

/** One page of projects. Amounts in the unit chosen in the URL; the rate is computed from them. */
export function ProjectTable({
  rows,
  filters,
  previous,
}: {
  rows: ProjectListRow[];
  filters: ProjectListFilters;
  /** Last year's result of continuing projects (结果应用), shown in a column when given. */
  previous?: Map<string, PreviousSummary>;
}) {
  const tr = useTranslations("results");
  const t = useTranslations("projects.columns");
  const tp = useTranslations("projects");
  const te = useTranslations("enums");
  const tc = useTranslations("common");
  const unit = tp("unitNote", { unit: tc(UNIT_LABEL_KEY[filters.money]) });
  // On narrower screens the type and novelty move under the project name, so the amounts stay in
  // view; English labels are longer and need the wider breakpoint.
  const english = useLocale() === "en";
  const wide = english ? "hidden 2xl:table-cell" : "hidden xl:table-cell";
  const narrow = english ? "2xl:hidden" : "xl:hidden";
  return (
    // Many columns: slightly tighter cell padding than the shared default, and no breaks inside words.
    <Table className="[&_td]:px-2 [&_td:first-child]:pl-3 [&_td:last-child]:pr-3 [&_th]:px-2 [&_th]:break-keep [&_th]:whitespace-normal [&_th:first-child]:pl-3 [&_th:last-child]:pr-3">
      <thead>
        <tr>
          <SortHeader filters={filters} column="code" label={t("code")} />
          <SortHeader filters={filters} column="name" label={t("name")} />
          <Th>
            {t("unit")}
            <span className="block text-[11px] font-normal text-slate-500">{t("department")}</span>
          </Th>
          <Th className={wide}>{t("kind")}</Th>
          <Th className={wide}>{t("novelty")}</Th>
          <SortHeader filters={filters} column="budget" label={t("budget")} sub={unit} align="right" />
          <SortHeader filters={filters} column="executed" label={t("executed")} sub={unit} align="right" />
          <SortHeader filters={filters} column="rate" label={t("rate")} align="right" />
          <Th>{t("stage")}</Th>
          {previous && <Th>{tr("project.title")}</Th>}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id} className="align-top hover:bg-slate-50/70">
            <Td className="num whitespace-nowrap text-slate-600" data-col="code">
              {r.code}
            </Td>
            <Td className="min-w-44">
              <Link
                href={`/projects/${r.id}`}
                data-col="name"
                className="font-medium text-brand-700 hover:text-brand-800 hover:underline"
              >
                {r.name}
              </Link>
              <div className={`mt-0.5 text-xs text-slate-500 ${narrow}`}>
                {te(`projectKind.${r.kind}`)} · {te(`novelty.${r.novelty}`)}
              </div>
            </Td>
            {/* The unit over its department: names never break mid-word. */}
            <Td className="break-keep">
              <div data-col="unit">{r.unitName}</div>
              <div className="mt-0.5 text-xs text-slate-500" data-col="department">
                {r.departmentName}
              </div>
            </Td>
            <Td className={`break-keep ${wide}`} data-col="kind">
              {te(`projectKind.${r.kind}`)}
            </Td>
            <Td className={`whitespace-nowrap ${wide}`}>{te(`novelty.${r.novelty}`)}</Td>
            <Td align="right" className="whitespace-nowrap" data-col="budget">
              {formatAmount(r.budgetTotal, filters.money)}
            </Td>
            <Td align="right" className="whitespace-nowrap">
              {formatAmount(r.executedTotal, filters.money)}
            </Td>
            <Td align="right" className="whitespace-nowrap">
              {formatRate(r.executedTotal, r.budgetTotal)}
            </Td>
            <Td>
              <StageBadge stage={r.stage} />
            </Td>
            {previous && (
              <Td>
                <PreviousCell projectId={r.id} value={previous.get(r.id)} />
              </Td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
