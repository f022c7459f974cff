import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { OrgRow } from "../queries";
import { CardNote } from "./chart-card";
import { OrgTable } from "./org-table";

/**
 * The year's departments with their funds in 万元, or for the whole province its districts (each
 * opening its own dashboard): the finance and leader dashboards' table.
 */
export async function OrgTableCard({
  rows,
  province,
  year,
  district,
  initialRows,
  className,
}: {
  rows: OrgRow[];
  /** The whole province, no district picked: the rows are districts. */
  province: boolean;
  year: number;
  district?: string;
  initialRows?: number;
  className?: string;
}) {
  const [t, tc] = await Promise.all([getTranslations("dashboard"), getTranslations("common")]);
  return (
    <Card
      title={t(province ? "orgTable.districts" : "orgTable.departments")}
      className={className}
      actions={<CardNote>{t("unitNote", { unit: tc("unitWan") })}</CardNote>}
    >
      {province && <p className="mb-3 text-sm text-slate-600">{t("orgTable.districtsHint")}</p>}
      <OrgTable
        rows={rows}
        kind={province ? "district" : "department"}
        unit="wan"
        linkYear={year}
        district={district}
        initialRows={initialRows}
      />
    </Card>
  );
}
