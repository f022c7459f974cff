import Form from "next/form";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { hundredthsToText } from "@/domain/evaluation";
import {
  OUTPUT_EFFECT_MIN_PERCENT,
  TEMPLATE_DIMENSIONS,
  templateKindOf,
} from "@/domain/evaluation-templates";
import type { TemplateSummary } from "../queries";

export function TemplateYearFilter({ year, years }: { year: number; years: number[] }) {
  const t = useTranslations("evaluationTemplates");
  return (
    <Form
      action="/evaluation-templates"
      aria-label={t("filters.label")}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs"
    >
      <div>
        <label htmlFor="tpl-year" className="mb-1 block text-xs font-medium text-slate-600">
          {t("filters.year")}
        </label>
        <select id="tpl-year" name="year" defaultValue={String(year)} className={`${inputClass} w-32`}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit">{t("filters.apply")}</Button>
    </Form>
  );
}

/** The year's templates: dimension subtotals, total and the 产出 + 效益 share at a glance. */
export function TemplateTable({ rows }: { rows: TemplateSummary[] }) {
  const t = useTranslations("evaluationTemplates");
  const tc = useTranslations("evaluations.templateCode");
  const td = useTranslations("evaluations.dimension");
  const format = useFormatter();
  return (
    <Table>
      <caption className="sr-only">{t("title")}</caption>
      <thead>
        <tr>
          <Th>{t("col.template")}</Th>
          <Th>{t("col.dimensions")}</Th>
          <Th align="right">{t("col.lines")}</Th>
          <Th align="right">{t("col.total")}</Th>
          <Th align="right">{t("col.share")}</Th>
          <Th>{t("col.updated")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => {
          const kind = templateKindOf(r.code);
          const dims: readonly string[] = TEMPLATE_DIMENSIONS[kind];
          return (
            <tr key={r.id} className="align-top hover:bg-slate-50">
              <Td>
                <Link
                  href={`/evaluation-templates/${r.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {r.name}
                </Link>
                <div className="text-xs text-slate-500">{tc(r.code)}</div>
              </Td>
              <Td className="text-xs">
                <div className="flex max-w-xl flex-wrap gap-x-3 gap-y-1">
                  {dims.map((d) => (
                    <span key={d} className="whitespace-nowrap">
                      {td(d)}{" "}
                      <span className="num font-medium text-slate-900">
                        {hundredthsToText(r.byDimension[d] ?? 0)}
                      </span>
                    </span>
                  ))}
                </div>
              </Td>
              <Td align="right">{r.lines}</Td>
              <Td align="right">{hundredthsToText(r.total)}</Td>
              <Td align="right">
                {kind === "PROJECT" ? (
                  <Badge tone={r.share >= OUTPUT_EFFECT_MIN_PERCENT * 100 ? "green" : "red"}>
                    {hundredthsToText(r.share)}%
                  </Badge>
                ) : (
                  "—"
                )}
              </Td>
              <Td className="text-xs whitespace-nowrap text-slate-500">
                {r.updatedByName ?? "—"}
                <br />
                {format.dateTime(r.updatedAt, { dateStyle: "medium" })}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
