"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { NavGroup, NavItem } from "./nav-items";

const GROUP_ORDER: NavGroup[] = ["overview", "budget", "targets", "evaluation", "results", "manage"];

/** The items under their stage, stages in the order of the chain, items in their listed order. */
function byGroup(items: NavItem[]): { group: NavGroup; items: NavItem[] }[] {
  return GROUP_ORDER.map((group) => ({ group, items: items.filter((i) => i.group === group) })).filter(
    (run) => run.items.length > 0,
  );
}

export function Sidebar({ items }: { items: NavItem[] }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  // The most specific entry is the current one: 抽评反馈 (/sampling/feedback) rather than 集中抽评.
  const active = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const runs = byGroup(items);
  return (
    <nav
      aria-label={t("mainNav")}
      className="flex gap-1 overflow-x-auto px-2 py-2 lg:flex-col lg:gap-3 lg:overflow-visible lg:px-3 lg:py-3"
    >
      {runs.map((run) => (
        <div key={run.group} className="flex gap-1 lg:flex-col lg:gap-0.5">
          {runs.length > 1 && (
            <p className="hidden px-3 pb-1 text-[11px] font-semibold tracking-wider text-slate-500 lg:block">
              {t(`groups.${run.group}`)}
            </p>
          )}
          {run.items.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              aria-current={item.href === active ? "page" : undefined}
              className={`flex items-center gap-2.5 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap transition-colors ${
                item.href === active
                  ? "bg-brand-600 text-white"
                  : "text-slate-300 hover:bg-white/10 hover:text-white"
              }`}
            >
              <svg
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth={1.8}
                className="h-4 w-4 shrink-0"
                aria-hidden="true"
              >
                <path d={item.icon} strokeLinecap="round" strokeLinejoin="round" />
              </svg>
              {t(item.key)}
            </Link>
          ))}
        </div>
      ))}
    </nav>
  );
}
