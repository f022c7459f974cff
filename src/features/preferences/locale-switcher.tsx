"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALES } from "@/i18n/config";
import { setLocaleAction } from "./actions";

const LABELS: Record<string, string> = { "zh-CN": "中文", en: "English" };

export function LocaleSwitcher({ className = "" }: { className?: string }) {
  const locale = useLocale();
  const t = useTranslations("common");
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <div
      role="group"
      aria-label={t("language")}
      className={`inline-flex rounded-md ring-1 ring-slate-300 ring-inset ${className}`}
    >
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          disabled={pending}
          aria-pressed={l === locale}
          onClick={() =>
            start(async () => {
              await setLocaleAction(l);
              router.refresh();
            })
          }
          className={`px-2.5 py-1 text-xs first:rounded-l-md last:rounded-r-md ${l === locale ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
        >
          {LABELS[l]}
        </button>
      ))}
    </div>
  );
}
