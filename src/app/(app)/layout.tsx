import { getTranslations } from "next-intl/server";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { Sidebar } from "@/components/shell/sidebar";
import { UserMenu } from "@/components/shell/user-menu";
import { NotificationBell } from "@/features/notifications/components/notification-bell";
import { can } from "@/server/permissions";
import { requireSignedIn } from "@/server/session";

// The shell only: which links show is a convenience; every page and action checks on the server.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSignedIn();
  const [t, te] = await Promise.all([getTranslations("common"), getTranslations("enums")]);
  const items = NAV_ITEMS.filter((i) => can(user.role, i.permission));
  return (
    <div className="min-h-screen lg:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      {/* The dark column runs the page's full height; its contents stay in view while the page scrolls. */}
      <aside className="no-print bg-slate-900 lg:w-56 lg:shrink-0">
        <div className="lg:sticky lg:top-0 lg:max-h-screen lg:overflow-y-auto">
          <div className="hidden items-center gap-2 px-5 py-4 lg:flex">
            <span
              className="flex h-8 w-8 items-center justify-center rounded-md bg-brand-600 text-sm font-bold text-white"
              aria-hidden="true"
            >
              绩
            </span>
            <span className="text-sm font-semibold text-white">{t("appShort")}</span>
          </div>
          <Sidebar items={items} />
        </div>
      </aside>
      <div className="min-w-0 flex-1">
        <header className="no-print sticky top-0 z-20 flex items-center justify-between gap-4 border-b border-slate-200 bg-white/95 px-4 py-2.5 backdrop-blur lg:px-6">
          <div className="truncate text-sm font-medium text-slate-700">{t("appName")}</div>
          <div className="flex items-center gap-2">
            {can(user.role, "todos.read") && <NotificationBell user={user} />}
            <UserMenu
              displayName={user.displayName}
              roleLabel={te(`role.${user.role}`)}
              orgName={user.orgName}
            />
          </div>
        </header>
        <main id="main" className="mx-auto max-w-[1400px] px-4 py-6 lg:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
