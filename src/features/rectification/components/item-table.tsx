import Link from "next/link";
import { useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import type { RectificationSource, RectificationStatus } from "@/domain/rectification";
import { Deadline, OverdueFlag, RectificationStatusBadge } from "./badges";

type Row = {
  id: string;
  sourceType: RectificationSource;
  status: RectificationStatus;
  problem: string;
  deadline: string;
  overdue: boolean;
  departmentName: string;
  unitName: string | null;
  projectCode: string | null;
  projectName: string | null;
};

/** A list of items: overdue ones carry the red flag and a red deadline. */
export function ItemTable({ rows }: { rows: Row[] }) {
  const t = useTranslations("rectification");
  return (
    <Table aria-label={t("title")}>
      <thead>
        <tr>
          <Th>{t("col.problem")}</Th>
          <Th>{t("col.department")}</Th>
          <Th>{t("col.source")}</Th>
          <Th>{t("col.deadline")}</Th>
          <Th>{t("col.status")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr
            key={r.id}
            className={`align-top ${r.overdue ? "bg-red-50/40" : ""} hover:bg-slate-50/70`}
            data-testid="rectification-row"
          >
            <Td className="min-w-72">
              <Link
                href={`/rectification/${r.id}`}
                className="font-medium text-brand-700 hover:text-brand-800 hover:underline"
              >
                {r.problem.length > 80 ? `${r.problem.slice(0, 80)}…` : r.problem}
              </Link>
              {r.projectName && (
                <div className="mt-0.5 text-xs text-slate-500">
                  <span className="num">{r.projectCode}</span> {r.projectName}
                </div>
              )}
            </Td>
            <Td className="break-keep">
              <div>{r.departmentName}</div>
              {r.unitName && <div className="mt-0.5 text-xs text-slate-500">{r.unitName}</div>}
            </Td>
            <Td className="whitespace-nowrap">{t(`source.${r.sourceType}`)}</Td>
            <Td>
              <Deadline date={r.deadline} overdue={r.overdue} />
            </Td>
            <Td>
              <div className="flex flex-wrap gap-1">
                <RectificationStatusBadge status={r.status} />
                <OverdueFlag overdue={r.overdue} />
              </div>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
