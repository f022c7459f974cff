"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** Work year (kept in ?year=), print and the Word download. */
export function SummaryToolbar({ years, year }: { years: number[]; year: number }) {
  const t = useTranslations("reports");
  const router = useRouter();
  const pathname = usePathname();
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="flex items-center gap-2">
        <label htmlFor="summary-year" className="text-sm font-medium whitespace-nowrap text-slate-600">
          {t("workYear")}
        </label>
        <select
          id="summary-year"
          value={year}
          aria-busy={pending || undefined}
          onChange={(e) => start(() => router.push(`${pathname}?year=${e.target.value}`))}
          className={`${inputClass} w-auto py-1.5 pr-8`}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {t("workYearOption", { year: y })}
            </option>
          ))}
        </select>
      </div>
      <Button type="button" variant="secondary" onClick={() => window.print()}>
        {t("print")}
      </Button>
      {/* A plain link: the browser downloads the file the route sends. */}
      <a href={`${pathname}/docx?year=${year}`} download className={buttonClass("primary")}>
        {t("download")}
      </a>
    </div>
  );
}
