"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { LocaleSwitcher } from "@/features/preferences/locale-switcher";

export function UserMenu({
  displayName,
  roleLabel,
  orgName,
}: {
  displayName: string;
  roleLabel: string;
  orgName: string | null;
}) {
  const t = useTranslations("common");
  return (
    <div className="flex items-center gap-3" aria-label={t("userMenu")}>
      <LocaleSwitcher />
      <div className="hidden text-right leading-tight sm:block">
        <div className="text-sm font-medium text-slate-800" data-testid="user-name">
          {displayName}
        </div>
        <div className="text-xs text-slate-500" data-testid="user-role">
          {roleLabel}
          {orgName ? ` · ${orgName}` : ""}
        </div>
      </div>
      <Link
        href="/account/password"
        className="rounded-md px-2.5 py-1.5 text-sm whitespace-nowrap text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        {t("changePassword")}
      </Link>
      <Link
        href="/account/two-factor"
        className="rounded-md px-2.5 py-1.5 text-sm whitespace-nowrap text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        {t("twoFactor")}
      </Link>
      <button
        type="button"
        onClick={() => signOut({ callbackUrl: "/login" })}
        className="rounded-md px-2.5 py-1.5 text-sm text-slate-600 ring-1 ring-slate-300 ring-inset hover:bg-slate-100"
      >
        {t("signOut")}
      </button>
    </div>
  );
}
