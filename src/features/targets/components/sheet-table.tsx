import { useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { LEVEL1, type Level1 } from "../levels";
import { centsToText, pointsToCents } from "../rules";

type Row = {
  id: string;
  level1: Level1;
  level2: string;
  name: string;
  operator: string;
  targetValue: string;
  unit: string;
  points: string;
};

/** The read-only sheet: rows grouped by level 1, level 2 shown once per run, a subtotal per level. */
export function SheetTable({ rows }: { rows: Row[] }) {
  const t = useTranslations("targets");
  return (
    <Table>
      <caption className="sr-only">{t("sheet.indicatorsCaption")}</caption>
      <thead>
        <tr>
          <Th>{t("field.level2")}</Th>
          <Th>{t("field.name")}</Th>
          <Th align="center">{t("field.operator")}</Th>
          <Th>{t("field.targetValue")}</Th>
          <Th>{t("field.unit")}</Th>
          <Th align="right">{t("field.points")}</Th>
        </tr>
      </thead>
      {LEVEL1.map((l1) => {
        const items = rows.filter((r) => r.level1 === l1);
        const sum = items.reduce((a, r) => a + (pointsToCents(Number(r.points).toString()) ?? 0), 0);
        return (
          <tbody key={l1} className="divide-y divide-slate-100">
            <tr className="bg-slate-50/70">
              <Td className="font-semibold text-slate-900" colSpan={5}>
                {t(`level1.${l1}`)}
              </Td>
              <Td align="right" className="font-semibold">
                {centsToText(sum)}
              </Td>
            </tr>
            {items.length === 0 && (
              <tr>
                <Td colSpan={6} className="text-slate-400">
                  {t("sheet.noIndicators")}
                </Td>
              </tr>
            )}
            {items.map((r, i) => (
              <tr key={r.id}>
                <Td className="whitespace-nowrap text-slate-500">
                  {i === 0 || items[i - 1]!.level2 !== r.level2 ? t(`level2.${r.level2}`) : ""}
                </Td>
                <Td className="text-slate-900">{r.name}</Td>
                <Td align="center" className="whitespace-nowrap">
                  {t(`operator.${r.operator}`)}
                </Td>
                <Td>{r.targetValue}</Td>
                <Td>{r.unit}</Td>
                <Td align="right">{centsToText(pointsToCents(Number(r.points).toString()) ?? 0)}</Td>
              </tr>
            ))}
          </tbody>
        );
      })}
    </Table>
  );
}
