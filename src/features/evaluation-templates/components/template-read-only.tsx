import { useTranslations } from "next-intl";
import type { TemplateLine } from "@/domain/evaluation-templates";

/** A template's lines as reviewers and leaders read them, grouped by first-level dimension. */
export function TemplateReadOnly({
  lines,
}: {
  lines: (TemplateLine & { level2: string; name: string; guide: string })[];
}) {
  const t = useTranslations("evaluationTemplates");
  const td = useTranslations("evaluations.dimension");
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t("detail.lines")}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
            <th scope="col" className="py-2 pr-3 font-medium">
              {t("col.level2")}
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              {t("col.name")}
            </th>
            <th scope="col" className="px-2 py-2 text-right font-medium">
              {t("col.maxPoints")}
            </th>
            <th scope="col" className="py-2 pl-2 font-medium">
              {t("col.guide")}
            </th>
          </tr>
        </thead>
        <tbody className="align-top">
          {lines.map((l, i) => [
            (i === 0 || l.level1 !== lines[i - 1]!.level1) && (
              <tr key={`d${i}`} className="bg-slate-50">
                <th
                  scope="rowgroup"
                  colSpan={4}
                  className="px-2 py-1.5 text-left text-xs font-semibold text-slate-600"
                >
                  {td.has(l.level1) ? td(l.level1) : l.level1}
                </th>
              </tr>
            ),
            <tr key={i} className="border-t border-slate-100">
              <td className="py-2 pr-3 text-slate-600">{l.level2}</td>
              <td className="px-2 py-2 font-medium text-slate-800">{l.name}</td>
              <td className="num px-2 py-2 text-right">{l.maxPoints}</td>
              <td className="py-2 pl-2 text-slate-600">{l.guide || "—"}</td>
            </tr>,
          ])}
        </tbody>
      </table>
    </div>
  );
}
