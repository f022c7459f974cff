import { getTranslations } from "next-intl/server";
import type { SheetLine } from "../sheet-queries";

/**
 * A filed score sheet, read-only: per line the indicator, points available, the subject's own points
 * where it scored itself, the evaluator's points and notes, grouped by first-level dimension.
 */
export async function SheetTable({
  lines,
  showSelf,
  showPoints = true,
  caption,
}: {
  lines: SheetLine[];
  showSelf?: boolean;
  showPoints?: boolean;
  caption: string;
}) {
  const t = await getTranslations("evaluations.sheet");
  const td = await getTranslations("evaluations.dimension");
  const cols = 2 + (showSelf ? 1 : 0) + (showPoints ? 1 : 0) + 1;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
            <th scope="col" className="py-2 pr-3 font-medium">
              {t("indicator")}
            </th>
            <th scope="col" className="px-2 py-2 text-right font-medium whitespace-nowrap">
              {t("max")}
            </th>
            {showSelf && (
              <th scope="col" className="px-2 py-2 text-right font-medium whitespace-nowrap">
                {t("selfPoints")}
              </th>
            )}
            {showPoints && (
              <th scope="col" className="px-2 py-2 text-right font-medium whitespace-nowrap">
                {t("points")}
              </th>
            )}
            <th scope="col" className="py-2 pl-2 font-medium">
              {t("note")}
            </th>
          </tr>
        </thead>
        <tbody className="align-top">
          {lines.map((l, i) => {
            const heading = i === 0 || l.level1 !== lines[i - 1]!.level1;
            const notes = [showSelf && l.selfNote, showPoints && l.note].filter(Boolean) as string[];
            return [
              heading && (
                <tr key={`${l.id}-dim`} className="bg-slate-50">
                  <th
                    scope="rowgroup"
                    colSpan={cols}
                    className="px-2 py-1.5 text-left text-xs font-semibold text-slate-600"
                  >
                    {td.has(l.level1) ? td(l.level1) : l.level1}
                  </th>
                </tr>
              ),
              <tr key={l.id} className="border-t border-slate-100">
                <td className="max-w-80 py-2 pr-3">
                  <div className="text-xs text-slate-500">{l.level2}</div>
                  <div className="font-medium text-slate-800">{l.name}</div>
                  {l.guide && <div className="mt-0.5 text-xs text-slate-500">{l.guide}</div>}
                </td>
                <td className="num px-2 py-2 text-right">{l.maxPoints}</td>
                {showSelf && <td className="num px-2 py-2 text-right">{l.selfPoints ?? "—"}</td>}
                {showPoints && <td className="num px-2 py-2 text-right">{l.points ?? "—"}</td>}
                <td className="py-2 pl-2 text-slate-700">
                  {notes.length ? notes.map((n, i) => <p key={i}>{n}</p>) : "—"}
                </td>
              </tr>,
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
