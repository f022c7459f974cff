import { useTranslations } from "next-intl";
import { LEVEL1, type Level1 } from "../levels";
import { centsToText, type Weights } from "../rules";

/** Per-level points against the year's weights; green when they match, amber while they do not. */
export function Subtotals({ sums, weights }: { sums: Record<Level1, number>; weights: Weights }) {
  const t = useTranslations("targets");
  return (
    <ul className="flex flex-wrap gap-2 text-sm" aria-live="polite" data-testid="subtotals">
      {LEVEL1.map((l1) => {
        const ok = sums[l1] === weights[l1] * 100;
        return (
          <li
            key={l1}
            className={`num rounded-md px-2.5 py-1 ring-1 ring-inset ${ok ? "bg-emerald-50 text-emerald-800 ring-emerald-600/20" : "bg-amber-50 text-amber-900 ring-amber-600/30"}`}
          >
            {t("sheet.subtotal", {
              level: t(`level1.${l1}`),
              actual: centsToText(sums[l1]),
              expected: weights[l1],
            })}
          </li>
        );
      })}
    </ul>
  );
}
