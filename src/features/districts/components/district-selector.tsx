"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { inputClass } from "@/components/ui/field";
import type { DistrictOption } from "../schemas";

/**
 * 行政区划 for a province-level user: the whole province or one district, kept in the URL
 * (?district=) beside the other parameters of the page (`keep`), so a view can be bookmarked.
 */
export function DistrictSelector({
  options,
  district,
  keep = {},
}: {
  options: DistrictOption[];
  district?: string;
  keep?: Record<string, string>;
}) {
  const t = useTranslations("common");
  const router = useRouter();
  const pathname = usePathname();
  const [pending, start] = useTransition();
  const go = (value: string) => {
    const params = new URLSearchParams(keep);
    if (value) params.set("district", value);
    start(() => router.push(`${pathname}?${params.toString()}`));
  };
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="district-picker" className="text-sm font-medium whitespace-nowrap text-slate-600">
        {t("district")}
      </label>
      <select
        id="district-picker"
        value={district ?? ""}
        aria-busy={pending || undefined}
        onChange={(e) => go(e.target.value)}
        className={`${inputClass} w-auto py-1.5 pr-8`}
      >
        <option value="">{t("allDistricts")}</option>
        {options.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
    </div>
  );
}
