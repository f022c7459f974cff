import { useTranslations } from "next-intl";
import { ASSESSMENT_CRITERIA, type AssessmentWeights } from "@/domain/assessment";

/** How each criterion is scored, in words, under the table. */
export function RuleList({
  weights,
  targetDueMonth,
  gapLimit,
}: {
  weights: AssessmentWeights;
  targetDueMonth: number;
  gapLimit: number;
}) {
  const t = useTranslations("assessment");
  return (
    <section className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-xs text-slate-600 shadow-xs">
      <h2 className="mb-2 text-sm font-semibold text-slate-800">{t("ruleTitle")}</h2>
      <ul className="grid gap-1.5 md:grid-cols-2">
        {ASSESSMENT_CRITERIA.map((c) => (
          <li key={c}>
            <span className="font-medium text-slate-700">
              {t(`criteria.${c}`)}（{t("weight", { weight: weights[c] })}）
            </span>
            ：{t(`rules.${c}`, { month: targetDueMonth })}
            {c === "scoreGap" && t("gapRule", { limit: gapLimit })}
          </li>
        ))}
        <li className="md:col-span-2 text-slate-500">{t("notApplicableRule")}</li>
      </ul>
    </section>
  );
}
