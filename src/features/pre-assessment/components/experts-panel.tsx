import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { PreAssessmentDetail } from "../queries";
import { averageTotal, DIMENSIONS, totalScore } from "../rules";

/** The group, its members and their reviews (finance sees every review; an expert their own). */
export async function ExpertsPanel({ detail }: { detail: PreAssessmentDetail }) {
  const t = await getTranslations("preAssessment");
  const { group, members, reviews } = detail;
  if (!group) return <p className="text-sm text-slate-500">{t("experts.none")}</p>;
  const byExpert = new Map(reviews.map((r) => [r.expertId, r]));
  const submittedTotals = reviews.filter((r) => r.submitted).map((r) => totalScore(scoresOf(r)));
  const avg = averageTotal(submittedTotals);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        {t("experts.group")}：{group.name}
        {avg && <span className="ml-3 font-medium">{t("experts.average", { score: avg })}</span>}
      </p>
      <Table>
        <thead>
          <tr>
            <Th>{t("experts.expert")}</Th>
            {DIMENSIONS.map((d) => (
              <Th key={d} align="right">
                {t(`dimensions.${d}`)}
              </Th>
            ))}
            <Th align="right">{t("experts.total")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((m) => {
            const r = byExpert.get(m.id);
            return (
              <tr key={m.id}>
                <Td className="whitespace-nowrap">
                  {m.name}
                  {m.id === group.leadExpertId && (
                    <span className="ml-1 text-xs text-slate-500">（{t("experts.lead")}）</span>
                  )}
                  <div>
                    <Badge tone={r?.submitted ? "green" : "gray"}>
                      {t(r?.submitted ? "experts.submitted" : "experts.pending")}
                    </Badge>
                  </div>
                </Td>
                {DIMENSIONS.map((d) => (
                  <Td key={d} align="right">
                    {r ? r[`${d}Score`] : "—"}
                  </Td>
                ))}
                <Td align="right">{r ? totalScore(scoresOf(r)) : "—"}</Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {/* Opinions are prose: below the table, where they can wrap, rather than in a narrow column. */}
      <dl className="space-y-2 text-sm">
        {members.map((m) => {
          const r = byExpert.get(m.id);
          return r?.opinion ? (
            <div key={m.id}>
              <dt className="font-medium text-slate-700">
                {t("experts.opinion")} · {m.name}
              </dt>
              <dd className="text-slate-600">{r.opinion}</dd>
            </div>
          ) : null;
        })}
      </dl>
    </div>
  );
}

function scoresOf(r: PreAssessmentDetail["reviews"][number]) {
  return {
    necessity: r.necessityScore,
    economy: r.economyScore,
    targets: r.targetsScore,
    feasibility: r.feasibilityScore,
    compliance: r.complianceScore,
  };
}
