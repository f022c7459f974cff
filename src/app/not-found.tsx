import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center">
      <div className="num text-5xl font-semibold text-slate-300">404</div>
      <h1 className="mt-3 text-lg font-semibold text-slate-900">{t("notFoundTitle")}</h1>
      <p className="mt-1 max-w-md text-sm text-slate-500">{t("notFoundBody")}</p>
      <ButtonLink href="/dashboard" className="mt-6">
        {t("backToDashboard")}
      </ButtonLink>
    </div>
  );
}
