import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { LEVEL1, LEVEL2 } from "@/features/targets/levels";
import { SECTORS } from "../sectors";
import type { LibraryFilters } from "../queries";

const label = "mb-1 block text-xs font-medium text-slate-600";

export function libraryHref(f: LibraryFilters, patch: Partial<LibraryFilters> = {}) {
  const m = { ...f, ...patch };
  const p = new URLSearchParams();
  for (const k of ["q", "sector", "level1", "level2"] as const) if (m[k]) p.set(k, m[k]!);
  if (m.active !== "all") p.set("active", m.active);
  if (m.page > 1) p.set("page", String(m.page));
  return `/indicators${p.size ? `?${p}` : ""}`;
}

export function LibraryFiltersForm({ filters }: { filters: LibraryFilters }) {
  const t = useTranslations("indicators");
  const tt = useTranslations("targets");
  const select = (
    id: string,
    name: string,
    text: string,
    value: string | undefined,
    all: string,
    options: [string, string][],
  ) => (
    <div>
      <label htmlFor={id} className={label}>
        {text}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClass}>
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
      key={libraryHref(filters)}
      action="/indicators"
      aria-label={t("filters.label")}
      className="mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-[minmax(0,1.6fr)_repeat(4,minmax(0,1fr))_auto]"
    >
      <div>
        <label htmlFor="lf-q" className={label}>
          {t("filters.q")}
        </label>
        <input
          id="lf-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder={t("filters.qPlaceholder")}
          className={inputClass}
        />
      </div>
      {select(
        "lf-sector",
        "sector",
        t("filters.sector"),
        filters.sector,
        t("filters.allSectors"),
        SECTORS.map((s) => [s, t(`sector.${s}`)]),
      )}
      {select(
        "lf-level1",
        "level1",
        t("filters.level1"),
        filters.level1,
        t("filters.allLevel1"),
        LEVEL1.map((l) => [l, tt(`level1.${l}`)]),
      )}
      {select(
        "lf-level2",
        "level2",
        t("filters.level2"),
        filters.level2,
        t("filters.allLevel2"),
        LEVEL2.map((l) => [l, tt(`level2.${l}`)]),
      )}
      {select(
        "lf-active",
        "active",
        t("filters.active"),
        filters.active === "all" ? undefined : filters.active,
        t("filters.all"),
        [
          ["active", t("filters.activeOnly")],
          ["inactive", t("filters.inactiveOnly")],
        ],
      )}
      <div className="flex gap-2">
        <Button type="submit">{t("filters.apply")}</Button>
        <ButtonLink href="/indicators" variant="secondary">
          {t("filters.reset")}
        </ButtonLink>
      </div>
    </Form>
  );
}

type Row = {
  id: string;
  sector: string;
  level1: string;
  level2: string;
  name: string;
  operator: string;
  unit: string;
  targetHint: string;
  active: boolean;
};

export function LibraryTable({ rows }: { rows: Row[] }) {
  const t = useTranslations("indicators");
  const tt = useTranslations("targets");
  return (
    <Table>
      <thead>
        <tr>
          <Th>{t("col.sector")}</Th>
          <Th>{t("col.level1")}</Th>
          <Th>{t("col.level2")}</Th>
          <Th>{t("col.name")}</Th>
          <Th align="center">{t("col.operator")}</Th>
          <Th>{t("col.unit")}</Th>
          <Th>{t("col.hint")}</Th>
          <Th>{t("col.active")}</Th>
          <Th>{t("col.action")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id} className="hover:bg-slate-50">
            <Td className="whitespace-nowrap">{t(`sector.${r.sector}`)}</Td>
            <Td className="whitespace-nowrap">{tt(`level1.${r.level1}`)}</Td>
            <Td className="whitespace-nowrap">{tt(`level2.${r.level2}`)}</Td>
            <Td className="text-slate-900">{r.name}</Td>
            <Td align="center">{tt(`operator.${r.operator}`)}</Td>
            <Td>{r.unit}</Td>
            <Td>{r.targetHint}</Td>
            <Td>{r.active ? <Badge tone="green">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>}</Td>
            <Td>
              <Link
                href={`/indicators/${r.id}`}
                className="text-brand-700 hover:underline"
                aria-label={`${t("edit")} ${r.name}`}
              >
                {t("edit")}
              </Link>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
