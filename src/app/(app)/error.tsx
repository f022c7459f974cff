"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// Unexpected failures: a plain message, the reference the server logged the error under, and a
// retry; never the error's internals.
export default function AppError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("common");
  return (
    <div className="flex min-h-[50vh] flex-col items-center justify-center text-center">
      <h1 className="text-lg font-semibold text-slate-900">{t("errorTitle")}</h1>
      <p className="mt-1 max-w-md text-sm text-slate-500">{t("errorBody")}</p>
      {error.digest && (
        <p className="mt-2 text-xs text-slate-500">
          {t("errorReference")} <span className="num font-mono">{error.digest}</span>
        </p>
      )}
      <Button className="mt-6" onClick={reset}>
        {t("retry")}
      </Button>
    </div>
  );
}
