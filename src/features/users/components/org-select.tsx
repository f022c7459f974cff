import type { ComponentProps } from "react";
import { inputClass } from "@/components/ui/field";

export type LabelledOrgGroup = { kind: string; label: string; orgs: { id: string; name: string }[] };

/**
 * The organisation picker: one select, grouped by kind. About 150 organisations read well this way,
 * and typing a name's first characters jumps to it.
 */
export function OrgSelect({
  groups,
  emptyLabel,
  className = "",
  ...props
}: ComponentProps<"select"> & { groups: LabelledOrgGroup[]; emptyLabel: string }) {
  return (
    <select className={`${inputClass} ${className}`} {...props}>
      <option value="">{emptyLabel}</option>
      {groups.map((g) => (
        <optgroup key={g.kind} label={g.label}>
          {g.orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
