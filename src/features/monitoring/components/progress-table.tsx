import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { OPERATOR_SYMBOL, type Direction, type Operator } from "@/features/targets/levels";
import { checkIndicator } from "../rules";

type Indicator = {
  id: string;
  name: string;
  operator: Operator;
  direction: Direction;
  targetValue: string;
  unit: string;
};

export const formatProrated = (v: number | null) => (v === null ? "—" : String(Number(v.toFixed(2))));

/** Each indicator's progress against its pro-rated target, flagged beyond the year's deviation. */
export function IndicatorProgressTable({
  indicators,
  progress,
  months,
  deviation,
}: {
  indicators: Indicator[];
  progress: Record<string, string>;
  months: number;
  deviation: number;
}) {
  const t = useTranslations("monitoring.form");
  if (indicators.length === 0) return <p className="text-sm text-slate-500">{t("noIndicators")}</p>;
  return (
    <Table>
      <thead>
        <tr>
          <Th>{t("indicator")}</Th>
          <Th align="right">{t("target")}</Th>
          <Th align="right">{t("prorated")}</Th>
          <Th align="right">{t("progress")}</Th>
          <Th align="right">{t("deviation")}</Th>
          <Th>{t("check")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {indicators.map((i) => {
          const value = progress[i.id] ?? "";
          const c = checkIndicator(i, value, months, deviation);
          return (
            <tr key={i.id} data-testid="indicator-progress">
              <Td className="min-w-48">{i.name}</Td>
              <Td align="right" className="max-w-56">
                {OPERATOR_SYMBOL[i.operator]} {i.targetValue} {i.unit}
              </Td>
              <Td align="right">{formatProrated(c.prorated)}</Td>
              <Td align="right">{value || "—"}</Td>
              <Td align="right">
                {c.deviation === null ? "—" : `${c.deviation > 0 ? "+" : ""}${c.deviation.toFixed(2)}%`}
              </Td>
              <Td>
                {i.operator === "QUALITATIVE" ? (
                  <span className="text-xs text-slate-500">{t("qualitative")}</span>
                ) : c.flagged ? (
                  <Badge tone="red">{t("flagged", { limit: deviation })}</Badge>
                ) : c.deviation !== null ? (
                  <Badge tone="green">{t("onTrack")}</Badge>
                ) : (
                  "—"
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
