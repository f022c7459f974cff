import { useTranslations } from "next-intl";
import type { ScoreLineView } from "./score-form";

/** The sheet as it stands, for finance and for a settled score: the unit's figures beside the group's. */
export function ReadOnlySheet({ lines, summary }: { lines: ScoreLineView[]; summary: string }) {
  const t = useTranslations("sampling.sheet");
  const tt = useTranslations("targets");
  // Lines copied from a target sheet carry the level codes; anything else is shown as written.
  const levelName = (level: "level1" | "level2", code: string) =>
    tt.has(`${level}.${code}`) ? tt(`${level}.${code}`) : code;
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
              <th scope="col" className="py-2 pr-3 font-medium">
                {t("indicator")}
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium whitespace-nowrap">
                {t("max")}
              </th>
              <th scope="col" className="px-2 py-2 font-medium whitespace-nowrap">
                {t("unitActual")}
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium whitespace-nowrap">
                {t("unitPoints")}
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium whitespace-nowrap">
                {t("points")}
              </th>
              <th scope="col" className="py-2 pl-2 font-medium">
                {t("opinion")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {lines.map((l) => (
              <tr key={l.id}>
                <td className="max-w-72 py-2 pr-3">
                  <div className="text-xs text-slate-500">
                    {levelName("level1", l.level1)} · {levelName("level2", l.level2)}
                  </div>
                  <div className="font-medium text-slate-800">{l.name}</div>
                  {l.targetText && (
                    <div className="text-xs text-slate-500">
                      {t("target")} {l.targetText}
                    </div>
                  )}
                </td>
                <td className="num px-2 py-2 text-right">{l.maxPoints}</td>
                <td className="max-w-48 px-2 py-2">
                  <div>{l.selfActual || "—"}</div>
                  {l.selfNote && <div className="mt-0.5 text-xs text-slate-500">{l.selfNote}</div>}
                </td>
                <td className="num px-2 py-2 text-right">{l.selfPoints ?? "—"}</td>
                <td className="num px-2 py-2 text-right font-medium">{l.points ?? "—"}</td>
                <td className="py-2 pl-2 text-slate-700">{l.note || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="text-sm">
        <div className="text-slate-500">{t("summary")}</div>
        <p className="whitespace-pre-line text-slate-800">{summary || "—"}</p>
      </div>
    </div>
  );
}
