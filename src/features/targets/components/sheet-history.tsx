import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { SheetView } from "../queries";
import { SheetStatusBadge } from "./status-badge";

/** The sheet's moves, newest first, with who made them and their comments. */
export async function SheetHistory({ history }: { history: SheetView["history"] }) {
  const [t, format] = await Promise.all([getTranslations("targets"), getFormatter()]);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title" className="mb-2 text-sm font-medium text-slate-900">
        {t("history.title")}
      </h2>
      {history.length === 0 ? (
        <p className="text-sm text-slate-500">{t("history.empty")}</p>
      ) : (
        <ol className="space-y-2 text-sm">
          {history.map((h) => (
            <li key={h.id} className="rounded-md border border-slate-200 bg-white px-3 py-2">
              <div className="flex flex-wrap items-center gap-2">
                <SheetStatusBadge status={h.to} />
                <span className="text-slate-700">{h.actor ?? t("history.system")}</span>
                <time className="num text-xs text-slate-500" dateTime={h.at.toISOString()}>
                  {format.dateTime(h.at, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </div>
              {h.comment && <p className="mt-1 whitespace-pre-line text-slate-600">{h.comment}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Every version of the sheet; the one shown is marked, older ones open read-only. */
export async function VersionList({
  projectId,
  versions,
  shown,
}: {
  projectId: string;
  versions: SheetView["versions"];
  shown: number | undefined;
}) {
  const t = await getTranslations("targets");
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title" className="mb-2 text-sm font-medium text-slate-900">
        {t("versions.title")}
      </h2>
      <ul className="space-y-1 text-sm">
        {versions.map((v, i) => (
          <li key={v.id} className="flex items-center gap-2">
            <Link
              href={i === 0 ? `/targets/${projectId}` : `/targets/${projectId}?v=${v.versionNo}`}
              aria-current={v.versionNo === shown ? "page" : undefined}
              className={`text-brand-700 hover:underline ${v.versionNo === shown ? "font-semibold" : ""}`}
            >
              {t("sheet.versionLabel", { n: v.versionNo })}
            </Link>
            <SheetStatusBadge status={v.status} />
            {i === 0 && <span className="text-xs text-slate-500">{t("versions.current")}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
