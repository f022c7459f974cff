import { getFormatter, getTranslations } from "next-intl/server";

type Opinion = { id: string; body: string; authorName: string; at: Date };

/** The 人大审议意见 recorded on a department-wide evaluation, oldest first, each with who and when. */
export async function OpinionList({ opinions }: { opinions: Opinion[] }) {
  const t = await getTranslations("overallEvaluation.opinions");
  const format = await getFormatter();
  if (!opinions.length) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  return (
    <ol className="space-y-3" aria-label={t("title")}>
      {opinions.map((o) => (
        <li key={o.id} className="rounded-md border border-slate-200 bg-slate-50/60 p-3">
          <p className="text-sm whitespace-pre-wrap text-slate-800">{o.body}</p>
          <p className="mt-1.5 text-xs text-slate-500">
            {o.authorName} · {format.dateTime(o.at, { dateStyle: "medium", timeStyle: "short" })}
          </p>
        </li>
      ))}
    </ol>
  );
}
