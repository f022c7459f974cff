import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { DistrictSelector } from "@/features/districts/components/district-selector";
import type { DistrictView } from "@/features/districts/schemas";
import { YearSelector } from "./year-selector";

export function DashboardHeader({
  title,
  description,
  year,
  years,
  districts,
}: {
  title: ReactNode;
  description?: ReactNode;
  year?: number;
  years?: number[];
  /** A province-level user's district picker; shown when there is more than one district. */
  districts?: DistrictView;
}) {
  const picker = districts && districts.options.length > 1;
  const yearPicker = year !== undefined && years?.length;
  return (
    <PageHeader
      title={title}
      description={description}
      actions={
        picker || yearPicker ? (
          <div className="flex flex-wrap items-center gap-3">
            {picker && (
              <DistrictSelector
                options={districts.options}
                district={districts.selected}
                keep={year !== undefined ? { year: String(year) } : {}}
              />
            )}
            {yearPicker && <YearSelector year={year} years={years} district={districts?.selected} />}
          </div>
        ) : undefined
      }
    />
  );
}
