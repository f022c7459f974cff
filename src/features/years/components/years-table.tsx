import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { inUnit } from "@/domain/money";
import type { FiscalYear } from "@/server/schema";

export async function YearsTable({ years }: { years: FiscalYear[] }) {
  const [t, tc, format] = await Promise.all([
    getTranslations("years"),
    getTranslations("common"),
    getFormatter(),
  ]);
  return (
    <Table>
      <caption className="sr-only">{t("listTitle")}</caption>
      <thead>
        <tr>
          <Th>{t("columns.year")}</Th>
          <Th align="right">{t("columns.threshold", { unit: tc("unitWan") })}</Th>
          <Th align="center">{t("columns.weights")}</Th>
          <Th align="center">{t("columns.grades")}</Th>
          <Th align="center">{t("columns.warnings")}</Th>
          <Th align="right">{t("columns.passwordMaxAge")}</Th>
          <Th align="right">{t("columns.version")}</Th>
          <Th>{t("columns.updatedAt")}</Th>
          <Th align="right">
            <span className="sr-only">{tc("actions")}</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {years.map((y) => (
          <tr key={y.year} className="hover:bg-slate-50">
            <Td className="font-medium text-slate-900">{tc("yearValue", { year: y.year })}</Td>
            <Td align="right">{inUnit(y.preAssessmentThreshold, "wan")}</Td>
            <Td align="center" className="num">
              {[y.weightOutput, y.weightBenefit, y.weightSatisfaction, y.weightExecution].join(" / ")}
            </Td>
            <Td align="center" className="num">
              {[y.gradeExcellent, y.gradeGood, y.gradePass].join(" / ")}
            </Td>
            <Td align="center" className="num">
              {y.warningRed}% / {y.warningYellow}%
            </Td>
            <Td align="right">{y.passwordMaxAgeDays}</Td>
            <Td align="right">{y.version}</Td>
            <Td className="whitespace-nowrap">
              {format.dateTime(y.updatedAt, { dateStyle: "medium", timeStyle: "short" })}
            </Td>
            <Td align="right">
              <ButtonLink
                href={`/settings/years/${y.year}`}
                variant="secondary"
                size="sm"
                aria-label={t("editYear", { year: y.year })}
              >
                {tc("edit")}
              </ButtonLink>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
