"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { inputClass } from "@/components/ui/field";

/**
 * The dashboard's year, kept in the URL (?year=) so a view can be bookmarked and shared; a district
 * chosen beside it (?district=) is kept.
 */
export function YearSelector({
  years,
  year,
  district,
}: {
  years: number[];
  year: number;
  district?: string;
}) {
  const t = useTranslations("dashboard");
  const tc = useTranslations("common");
  const router = useRouter();
  const pathname = usePathname();
  const [pending, start] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="dashboard-year" className="text-sm font-medium whitespace-nowrap text-slate-600">
        {t("yearLabel")}
      </label>
      <select
        id="dashboard-year"
        value={year}
        aria-busy={pending || undefined}
        onChange={(e) => {
          const params = new URLSearchParams({ year: e.target.value });
          if (district) params.set("district", district);
          start(() => router.push(`${pathname}?${params.toString()}`));
        }}
        className={`${inputClass} w-auto py-1.5 pr-8`}
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {tc("yearValue", { year: y })}
          </option>
        ))}
      </select>
    </div>
  );
}
