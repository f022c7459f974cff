import Link from "next/link";
import { useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { ASSESSMENT_CRITERIA, hundredthsText, type AssessmentWeights } from "@/domain/assessment";
import type { ScorecardRow } from "../queries";

/** The year's ranking: each department's points per criterion (each a link to its records) and total. */
export function RankingTable({
  rows,
  weights,
  year,
  ranked,
}: {
  rows: ScorecardRow[];
  weights: AssessmentWeights;
  year: number;
  /** Whether the rows are ranked (a department's own row is not). */
  ranked: boolean;
}) {
  const t = useTranslations("assessment");
  return (
    <Table aria-label={t("title")} data-testid="assessment-ranking">
      <thead>
        <tr>
          {ranked && <Th align="center">{t("rank")}</Th>}
          <Th>{t("department")}</Th>
          <Th align="right">{t("projects")}</Th>
          {ASSESSMENT_CRITERIA.map((c) => (
            <Th key={c} align="right">
              {t(`criteria.${c}`)}
              <span className="block text-[11px] font-normal text-slate-500">
                {t("weight", { weight: weights[c] })}
              </span>
            </Th>
          ))}
          <Th align="right">{t("total")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => {
          const href = `/assessment/${r.departmentId}?year=${year}`;
          return (
            <tr key={r.departmentId} data-testid="assessment-row" className="hover:bg-slate-50">
              {ranked && (
                <Td align="center" className="font-semibold">
                  {r.rank ?? "—"}
                </Td>
              )}
              <Td className="break-keep">
                <Link href={href} className="font-medium text-brand-700 hover:underline">
                  {r.name}
                </Link>
              </Td>
              <Td align="right">{r.projects}</Td>
              {r.criteria.map((c) => (
                <Td key={c.criterion} align="right">
                  {c.points === null ? (
                    <span className="text-slate-400" title={t("notApplicableHint")}>
                      —
                    </span>
                  ) : (
                    <Link
                      href={`${href}#${c.criterion}`}
                      aria-label={t("pointsOf", {
                        criterion: t(`criteria.${c.criterion}`),
                        points: hundredthsText(c.points),
                      })}
                      className={`hover:underline ${c.points < c.weight * 100 ? "text-amber-700" : "text-slate-700"}`}
                    >
                      {hundredthsText(c.points)}
                    </Link>
                  )}
                </Td>
              ))}
              <Td align="right" className="font-semibold text-slate-900" data-testid="assessment-total">
                {r.total === null ? "—" : hundredthsText(r.total)}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
