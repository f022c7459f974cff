import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/server/db";
import type { CurrentUser } from "@/server/session";
import { listNotifications } from "../queries";
import { remindDeadlinesOnChange } from "../reminders";
import { BellDetails } from "./bell-details";
import { TodoTitle } from "./todo-title";

/**
 * The bell in the header: unread count and the latest unread to-dos. Loading it writes the user's
 * due-soon and overdue reminders first (idempotent), so they show without a scheduled job.
 */
export async function NotificationBell({ user }: { user: CurrentUser }) {
  await remindDeadlinesOnChange(db, user);
  const [latest, t] = await Promise.all([
    listNotifications(user.id, { unreadOnly: true, page: 1, limit: 6 }),
    getTranslations("todos"),
  ]);
  const count = latest.total;
  return (
    <BellDetails className="group relative">
      <summary
        className="relative flex h-9 w-9 cursor-pointer list-none items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 [&::-webkit-details-marker]:hidden"
        aria-label={`${t("bell")}${count ? ` · ${t("bellCount", { count })}` : ""}`}
      >
        <svg
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          aria-hidden="true"
        >
          <path d="M6 8a6 6 0 1112 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 003.4 0" />
        </svg>
        {count > 0 && (
          <span
            className="num absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white"
            data-testid="bell-count"
          >
            {count > 99 ? "99+" : count}
          </span>
        )}
      </summary>
      <div className="absolute right-0 z-30 mt-2 w-80 rounded-lg border border-slate-200 bg-white shadow-lg">
        <div className="border-b border-slate-100 px-3 py-2 text-xs font-semibold text-slate-600">
          {count ? t("bellCount", { count }) : t("bellEmpty")}
        </div>
        <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto">
          {latest.rows.map((n) => (
            <li key={n.id}>
              <Link
                href={`/todos/go/${n.id}`}
                prefetch={false}
                className="block px-3 py-2 text-sm text-slate-700 hover:bg-slate-50"
              >
                <span
                  className={`mr-1 text-xs font-medium ${n.kind === "OVERDUE" || n.kind === "RETURNED" ? "text-red-700" : "text-brand-700"}`}
                >
                  [{t(`kind.${n.kind}`)}]
                </span>
                <TodoTitle titleKey={n.titleKey} params={n.params} />
                {n.subject && (
                  <span className="mt-0.5 block truncate text-xs text-slate-500">{n.subject}</span>
                )}
              </Link>
            </li>
          ))}
        </ul>
        <Link
          href="/todos"
          className="block border-t border-slate-100 px-3 py-2 text-center text-sm font-medium text-brand-700 hover:bg-slate-50"
        >
          {t("viewAll")}
        </Link>
      </div>
    </BellDetails>
  );
}
