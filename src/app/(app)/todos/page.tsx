import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { MarkReadButton } from "@/features/notifications/components/mark-read-button";
import { TodoTitle } from "@/features/notifications/components/todo-title";
import { listNotifications, TODOS_PAGE_SIZE } from "@/features/notifications/queries";
import { remindDeadlinesOnChange } from "@/features/notifications/reminders";
import { todoListParamsSchema } from "@/features/notifications/schemas";
import { db } from "@/server/db";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TONE = {
  SUBMITTED: "blue",
  RETURNED: "red",
  ASSIGNED: "purple",
  APPROVED: "green",
  DUE_SOON: "yellow",
  OVERDUE: "red",
} as const;

export default async function TodosPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "todos.read")) notFound();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const p = todoListParamsSchema.parse(raw);
  await remindDeadlinesOnChange(db, user);
  const [{ rows, total }, t, format] = await Promise.all([
    listNotifications(user.id, { unreadOnly: p.show === "unread", page: p.page }),
    getTranslations("todos"),
    getFormatter(),
  ]);
  const tab = (show: "unread" | "all") =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${p.show === show ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={p.show === "unread" && total > 0 && <MarkReadButton all />}
      />
      <nav className="mb-4 flex gap-2" aria-label={t("title")}>
        <Link href="/todos" className={tab("unread")} aria-current={p.show === "unread" ? "page" : undefined}>
          {t("showUnread")}
        </Link>
        <Link
          href="/todos?show=all"
          className={tab("all")}
          aria-current={p.show === "all" ? "page" : undefined}
        >
          {t("showAll")}
        </Link>
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={p.show === "unread" ? t("empty") : t("emptyAll")} />
      ) : (
        <ul
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-xs"
          data-testid="todo-list"
        >
          {rows.map((n) => (
            <li
              key={n.id}
              className={`flex flex-wrap items-start gap-3 px-4 py-3 ${n.readAt ? "" : "bg-brand-50/30"}`}
            >
              <span className="w-20 shrink-0">
                <Badge tone={TONE[n.kind]}>{t(`kind.${n.kind}`)}</Badge>
              </span>
              <div className="min-w-0 flex-1">
                <Link
                  href={`/todos/go/${n.id}`}
                  prefetch={false}
                  className={`text-sm hover:underline ${n.readAt ? "text-slate-600" : "font-medium text-slate-900"}`}
                >
                  <TodoTitle titleKey={n.titleKey} params={n.params} />
                </Link>
                {n.subject && <div className="mt-0.5 truncate text-xs text-slate-600">{n.subject}</div>}
                <div className="mt-0.5 text-xs text-slate-500">
                  {format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  {n.readAt && ` · ${t("read")}`}
                </div>
              </div>
              {!n.readAt && <MarkReadButton id={n.id} />}
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={p.page}
        pageSize={TODOS_PAGE_SIZE}
        total={total}
        hrefFor={(page) => `/todos?show=${p.show}${page > 1 ? `&page=${page}` : ""}`}
      />
    </>
  );
}
