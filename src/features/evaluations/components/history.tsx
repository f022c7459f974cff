import { getFormatter, getTranslations } from "next-intl/server";
import type { HistoryEntry } from "../sheet-queries";

/** The evaluation's steps, oldest first: who moved it to which status, when, with what comment. */
export async function EvaluationHistory({
  entries,
  statusLabel,
}: {
  entries: HistoryEntry[];
  /** The status names of the evaluation's type (a third-party SETTLED reads 已验收 …). */
  statusLabel: (status: string) => string;
}) {
  const t = await getTranslations("evaluations.history");
  const format = await getFormatter();
  if (!entries.length) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  return (
    <ol className="space-y-3 text-sm" aria-label={t("title")}>
      {entries.map((e) => (
        <li key={e.id} className="border-l-2 border-slate-200 pl-3">
          <div className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-medium text-slate-800">{statusLabel(e.toStatus)}</span>
            <span className="text-xs text-slate-500">
              {e.actorName ?? "—"} · {format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}
            </span>
          </div>
          {e.comment && <p className="mt-0.5 whitespace-pre-wrap text-slate-700">{e.comment}</p>}
        </li>
      ))}
    </ol>
  );
}
