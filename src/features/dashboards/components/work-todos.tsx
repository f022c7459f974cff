import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { integer } from "../format";
import type { TodoCount, TodoKind, TodoRow } from "../work-queries";

/** The list behind each kind of to-do. */
const KIND_HREF: Record<TodoKind, string> = {
  RECTIFICATION: "/rectification",
  NOTICE: "/monitoring",
  MONITORING: "/monitoring",
  SELF: "/self-evaluations",
  TARGETS: "/targets",
  PRE_ASSESSMENT: "/pre-assessments",
  PROJECT: "/projects?stage=DRAFT",
};

const STATUS_KEYS = ["OPEN", "REPLIED", "NOT_FILED", "DRAFT", "RETURNED", "SUBMITTED"] as const;

/**
 * 待办事项: what waits on the user, overdue first in red (with the word, not the colour alone), then
 * by deadline; a count per kind links to its list, and the bell's notifications to the to-do page.
 */
export async function WorkTodos({
  data,
  unread,
  className = "",
}: {
  data: { rows: TodoRow[]; counts: TodoCount[]; total: number; overdue: number };
  unread: number;
  className?: string;
}) {
  const t = await getTranslations("dashboard.work.todos");
  const statusLabel = (s: string) =>
    (STATUS_KEYS as readonly string[]).includes(s) ? t(`status.${s as (typeof STATUS_KEYS)[number]}`) : s;
  return (
    <Card
      className={className}
      title={
        <span className="flex items-center gap-2">
          {t("title")}
          <Badge tone={data.total > 0 ? "blue" : "gray"}>{integer(data.total)}</Badge>
          {data.overdue > 0 && <Badge tone="red">{t("overdueBadge", { count: data.overdue })}</Badge>}
        </span>
      }
      actions={
        <Link href="/todos" className="text-xs text-brand-700 hover:underline">
          {t("notifications", { count: unread })}
        </Link>
      }
    >
      <div data-testid="work-todos">
        {data.total === 0 ? (
          <div className="py-8 text-center">
            <p className="text-sm font-medium text-slate-700">{t("empty")}</p>
            <p className="mt-1 text-sm text-slate-500">{t("emptyBody")}</p>
          </div>
        ) : (
          <>
            <ul className="mb-3 flex flex-wrap gap-2" aria-label={t("title")}>
              {data.counts.map((c) => (
                <li key={c.kind}>
                  <Link
                    href={
                      c.kind === "RECTIFICATION" && c.overdue > 0
                        ? "/rectification?overdue=1"
                        : KIND_HREF[c.kind]
                    }
                    className={`inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1 text-xs hover:underline ${
                      c.overdue > 0
                        ? "border-red-200 bg-red-50 text-red-800"
                        : "border-slate-200 bg-slate-50 text-slate-700"
                    }`}
                  >
                    {t(`kinds.${c.kind}`)}
                    <span className="num font-semibold">{integer(c.total)}</span>
                    {c.overdue > 0 && <span>（{t("overdueBadge", { count: c.overdue })}）</span>}
                  </Link>
                </li>
              ))}
            </ul>
            <ul className="divide-y divide-slate-100">
              {data.rows.map((r) => (
                <li
                  key={`${r.kind}:${r.id}`}
                  data-kind={r.kind}
                  data-overdue={r.overdue ? "true" : undefined}
                  className={`flex items-start justify-between gap-3 px-2 py-2.5 ${
                    r.overdue ? "rounded-md border-l-4 border-red-500 bg-red-50/70" : ""
                  }`}
                >
                  <div className="min-w-0">
                    <Link
                      href={r.href}
                      className={`block truncate text-sm font-medium hover:underline ${
                        r.overdue ? "text-red-800" : "text-brand-700"
                      }`}
                    >
                      {r.title}
                    </Link>
                    <div className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
                      <span>{t(`kinds.${r.kind}`)}</span>
                      {r.code && <span className="num">{r.code}</span>}
                      <span>{statusLabel(r.status)}</span>
                    </div>
                  </div>
                  <div
                    className={`num shrink-0 text-right text-xs whitespace-nowrap ${
                      r.overdue ? "font-semibold text-red-700" : "text-slate-600"
                    }`}
                  >
                    {r.deadline === null
                      ? t("noDeadline")
                      : r.overdue
                        ? t("overdueSince", { date: r.deadline })
                        : t("deadline", { date: r.deadline })}
                  </div>
                </li>
              ))}
            </ul>
            {data.total > data.rows.length && (
              <p className="mt-2 text-xs text-slate-500">
                {t("more", { count: data.total - data.rows.length })}
              </p>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
