import Link from "next/link";
import { useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { inUnit } from "@/domain/money";
import { gapText } from "../format";
import type { SelectionRow } from "../queries";
import { GradeBadge, ReasonBadge, SheetStatusBadge } from "./badges";
import { MoveProjectForm } from "./move-project-form";

type Props = {
  rows: SelectionRow[];
  batchId: string;
  batchVersion: number;
  editable: boolean;
  groups: { id: string; label: string }[];
};

/** The batch's projects: why each was drawn (reason and stratum), its group, and the two scores. */
export function SelectionsTable({ rows, batchId, batchVersion, editable, groups }: Props) {
  const t = useTranslations("sampling");
  const label = new Map(groups.map((g) => [g.id, g.label]));
  return (
    <Table>
      <caption className="sr-only">{t("selections.title")}</caption>
      <thead>
        <tr>
          <Th>{t("col.code")}</Th>
          <Th>{t("col.project")}</Th>
          <Th>{t("col.department")}</Th>
          <Th align="right">{t("col.budgetWan")}</Th>
          <Th>{t("col.reason")}</Th>
          <Th>{t("col.stratum")}</Th>
          <Th>{t("col.group")}</Th>
          <Th align="right">{t("col.selfScore")}</Th>
          {!editable && (
            <>
              <Th align="right">{t("col.sampledScore")}</Th>
              <Th align="right">{t("col.gap")}</Th>
              <Th>{t("col.grade")}</Th>
              <Th>{t("col.status")}</Th>
            </>
          )}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.projectId}>
            <Td className="num whitespace-nowrap text-slate-500">{r.code}</Td>
            <Td className="min-w-48">
              {r.evaluationId ? (
                <Link
                  href={`/sampling/evaluations/${r.evaluationId}`}
                  className="text-brand-700 hover:underline"
                >
                  {r.name}
                </Link>
              ) : (
                r.name
              )}
              <div className="text-xs text-slate-500">{r.unitName}</div>
            </Td>
            <Td className="whitespace-nowrap">{r.departmentName}</Td>
            <Td align="right">{inUnit(r.budget, "wan", 2)}</Td>
            <Td>
              <ReasonBadge reason={r.reason} />
            </Td>
            <Td className="num whitespace-nowrap text-xs text-slate-500" title={t("stratumHint")}>
              {r.stratum}
            </Td>
            <Td className="whitespace-nowrap">
              {editable ? (
                <MoveProjectForm
                  batchId={batchId}
                  batchVersion={batchVersion}
                  projectId={r.projectId}
                  projectName={r.name}
                  groupId={r.groupId}
                  groups={groups}
                />
              ) : r.groupId ? (
                label.get(r.groupId)
              ) : (
                "—"
              )}
            </Td>
            <Td align="right">{r.selfTotal ?? "—"}</Td>
            {!editable && (
              <>
                <Td align="right">{r.sampledTotal ?? "—"}</Td>
                <Td align="right">{gapText(r.selfTotal, r.sampledTotal)}</Td>
                <Td>
                  <GradeBadge grade={r.sampledGrade} />
                </Td>
                <Td>
                  <SheetStatusBadge status={r.status} />
                </Td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
