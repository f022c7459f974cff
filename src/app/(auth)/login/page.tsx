import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/features/auth/login-form";
import { LocaleSwitcher } from "@/features/preferences/locale-switcher";
import { getCurrentUser } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

// Only same-site paths are followed after sign-in.
function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/login") ? v : "/dashboard";
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [user, params, t, tc] = await Promise.all([
    getCurrentUser(),
    searchParams,
    getTranslations("auth"),
    getTranslations("common"),
  ]);
  const callbackUrl = safeCallback(params.callbackUrl);
  if (user) redirect(callbackUrl);
  return (
    <main className="flex min-h-screen flex-col bg-gradient-to-br from-brand-800 via-brand-700 to-brand-900">
      <div className="flex justify-end p-4">
        <LocaleSwitcher className="bg-white/95" />
      </div>
      <div className="flex flex-1 items-center justify-center px-4 pb-16">
        <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow-xl">
          <div className="mb-6 text-center">
            <div
              className="mx-auto mb-3 flex h-11 w-11 items-center justify-center rounded-lg bg-brand-600 text-lg font-bold text-white"
              aria-hidden="true"
            >
              绩
            </div>
            <h1 className="text-lg font-semibold text-slate-900">{tc("appName")}</h1>
            <p className="mt-1 text-sm text-slate-500">{t("subtitle")}</p>
          </div>
          <h2 className="sr-only">{t("title")}</h2>
          <LoginForm callbackUrl={callbackUrl} />
          <p className="mt-5 text-center text-xs text-slate-400">{t("demoHint")}</p>
        </div>
      </div>
      <footer className="pb-6 text-center text-xs text-brand-100/80">{t("footer")}</footer>
    </main>
  );
}
