import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { MyFeedbackRow } from "@/features/sampling/feedback-queries";
import type { ResultRow } from "../work-queries";

const RESULT_HREF = { KEY: "/key-evaluations/", THIRD_PARTY: "/third-party/" } as const;

/** 收到的评价反馈: finance's sampling feedback to the department, and key / third-party results. */
export async function FeedbackReceived({
  feedback,
  results,
  year,
  className = "",
}: {
  feedback: MyFeedbackRow[];
  results: ResultRow[];
  year: number;
  className?: string;
}) {
  const [t, tg] = await Promise.all([
    getTranslations("dashboard.work.feedback"),
    getTranslations("enums.grade"),
  ]);
  const empty = feedback.length === 0 && results.length === 0;
  return (
    <Card className={className} title={t("title")}>
      <div data-testid="feedback-received" className="space-y-4">
        {empty ? (
          <div className="py-6 text-center">
            <p className="text-sm font-medium text-slate-700">{t("empty")}</p>
            <p className="mt-1 text-sm text-slate-500">{t("emptyBody")}</p>
          </div>
        ) : (
          <>
            {feedback.length > 0 && (
              <section>
                <h3 className="mb-1 text-xs font-semibold text-slate-600">{t("sampling")}</h3>
                <ul className="divide-y divide-slate-100 text-sm">
                  {feedback.slice(0, 4).map((r) => (
                    <li key={r.id} className="flex items-center justify-between gap-3 py-2">
                      <Link
                        href={`/sampling/${r.batchId}/feedback/${r.departmentId}`}
                        className="min-w-0 truncate text-brand-700 hover:underline"
                      >
                        {r.batchName}
                      </Link>
                      <span className="flex shrink-0 items-center gap-2 text-xs text-slate-500">
                        {t("projects", { count: r.projects })}
                        <Badge tone={r.acknowledgedAt ? "green" : "yellow"}>
                          {r.acknowledgedAt ? t("acknowledged") : t("toAcknowledge")}
                        </Badge>
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {results.length > 0 && (
              <section>
                <h3 className="mb-1 text-xs font-semibold text-slate-600">{t("results", { year })}</h3>
                <ul className="divide-y divide-slate-100 text-sm">
                  {results.map((r) => (
                    <li key={r.id} className="flex items-center justify-between gap-3 py-2">
                      <div className="min-w-0">
                        <Link
                          href={`${RESULT_HREF[r.type]}${r.id}`}
                          className="block truncate text-brand-700 hover:underline"
                        >
                          {r.name}
                        </Link>
                        <div className="text-xs text-slate-500">
                          {t(`types.${r.type}`)} · <span className="num">{r.code}</span>
                        </div>
                      </div>
                      <span className="flex shrink-0 items-center gap-2 text-xs">
                        {r.score && (
                          <span className="num text-slate-700">{t("score", { score: r.score })}</span>
                        )}
                        {r.grade && <Badge tone="blue">{tg(r.grade)}</Badge>}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
