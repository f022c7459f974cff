import { getFormatter, getTranslations } from "next-intl/server";
import type { PreAssessmentDetail } from "../queries";

export async function HistoryList({ history }: { history: PreAssessmentDetail["history"] }) {
  const [t, ts, format] = await Promise.all([
    getTranslations("preAssessment"),
    getTranslations("preAssessment.status"),
    getFormatter(),
  ]);
  if (history.length === 0) return <p className="text-sm text-slate-500">{t("detail.noHistory")}</p>;
  return (
    <ol className="space-y-3">
      {history.map((h, i) => (
        <li key={i} className="border-l-2 border-slate-200 pl-3 text-sm">
          <div className="text-slate-800">
            {h.from ? `${ts(h.from)} → ` : ""}
            {ts(h.to)}
            <span className="ml-2 text-xs text-slate-500">
              {h.actor} · {format.dateTime(h.at, { dateStyle: "medium", timeStyle: "short" })}
            </span>
          </div>
          {h.comment && <p className="mt-0.5 text-slate-600">{h.comment}</p>}
        </li>
      ))}
    </ol>
  );
}
