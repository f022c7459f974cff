import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import type { DistrictOption } from "../schemas";

/**
 * 行政区划 as a field of a list's GET filter form (name "district"), as on the project list: the
 * whole province or one district. For a province-level user with several districts only: render it
 * when `options` is not empty.
 */
export function DistrictFilter({
  options,
  district,
  id = "filter-district",
  className,
}: {
  options: DistrictOption[];
  district?: string;
  id?: string;
  className?: string;
}) {
  const t = useTranslations("common");
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {t("district")}
      </label>
      <select
        id={id}
        name="district"
        defaultValue={district ?? ""}
        className={`${inputClass} ${className ?? ""}`.trim()}
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
