import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import type { DepartmentChoices } from "@/features/projects/queries";

/**
 * 部门 as a field of a list's GET filter form (name "dept"), from departmentFilter(): nothing when the
 * user sees one department; for a province-wide reader who has not picked a district, a disabled
 * field that says to pick one (or the department an address named, to keep or clear).
 */
export function DepartmentFilter({
  choices,
  value,
  label,
  allLabel,
  id,
  className,
  labelClassName = "mb-1 block text-xs font-medium text-slate-600",
}: {
  choices: DepartmentChoices;
  value?: string;
  label: string;
  allLabel: string;
  id: string;
  className?: string;
  labelClassName?: string;
}) {
  const t = useTranslations("common");
  if (choices.all && choices.options.length <= 1) return null;
  const waiting = !choices.all && choices.options.length === 0;
  return (
    <div>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <select
        id={id}
        name="dept"
        defaultValue={value ?? ""}
        disabled={waiting}
        title={waiting ? t("pickDistrictFirst") : undefined}
        className={`${inputClass} ${className ?? ""}`.trim()}
      >
        <option value="">{waiting ? t("pickDistrictFirst") : allLabel}</option>
        {choices.options.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
    </div>
  );
}
