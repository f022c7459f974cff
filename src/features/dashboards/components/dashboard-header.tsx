import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { YearSelector } from "./year-selector";

export function DashboardHeader({
  title,
  description,
  year,
  years,
}: {
  title: ReactNode;
  description?: ReactNode;
  year?: number;
  years?: number[];
}) {
  return (
    <PageHeader
      title={title}
      description={description}
      actions={year !== undefined && years?.length ? <YearSelector year={year} years={years} /> : undefined}
    />
  );
}
