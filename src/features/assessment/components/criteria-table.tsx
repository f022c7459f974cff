import { useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { hundredthsText } from "@/domain/assessment";
import type { ScorecardRow } from "../queries";

/** A department's points per criterion with what they are made of; each line leads to its records. */
export function CriteriaTable({ row }: { row: ScorecardRow }) {
  const t = useTranslations("assessment");
  const basis = (c: ScorecardRow["criteria"][number]) => {
    if (c.points === null) return t("basis.none");
    if (c.criterion === "scoreGap")
      return t("basis.scoreGap", { of: row.counts.scoreGap.of, gap: row.counts.scoreGap.gap ?? "0.00" });
    const n = row.counts[c.criterion];
    return t(`basis.${c.criterion}`, n);
  };
  return (
    <Table aria-label={t("summary")} data-testid="assessment-criteria">
      <thead>
        <tr>
          <Th>{t("col.criterion")}</Th>
          <Th align="right">{t("col.weight")}</Th>
          <Th>{t("col.basis")}</Th>
          <Th align="right">{t("col.rate")}</Th>
          <Th align="right">{t("col.points")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {row.criteria.map((c) => (
          <tr key={c.criterion} data-testid={`criterion-${c.criterion}`}>
            <Td>
              <a href={`#${c.criterion}`} className="font-medium text-brand-700 hover:underline">
                {t(`criteria.${c.criterion}`)}
              </a>
            </Td>
            <Td align="right">{c.weight}</Td>
            <Td className="text-slate-600">{basis(c)}</Td>
            <Td align="right">{c.rate === null ? "—" : `${hundredthsText(c.rate)}%`}</Td>
            <Td align="right" className="font-semibold">
              {c.points === null ? (
                <span className="font-normal text-slate-400">{t("notApplicable")}</span>
              ) : (
                hundredthsText(c.points)
              )}
            </Td>
          </tr>
        ))}
        <tr className="bg-slate-50 font-semibold">
          <Td>{t("total")}</Td>
          <Td align="right">{row.applicableWeight}</Td>
          <Td />
          <Td />
          <Td align="right" data-testid="assessment-total">
            {row.total === null ? "—" : hundredthsText(row.total)}
          </Td>
        </tr>
      </tbody>
    </Table>
  );
}
