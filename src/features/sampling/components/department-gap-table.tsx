import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { signedText } from "../format";
import type { DepartmentGapRow } from "../queries";

type Props = {
  batchId: string;
  rows: DepartmentGapRow[];
  states: { departmentId: string; status: "DRAFT" | "PUBLISHED"; acknowledgedAt: Date | null }[];
};

/** Self versus sampled per department (who over-scores themselves), with each department's feedback. */
export function DepartmentGapTable({ batchId, rows, states }: Props) {
  const t = useTranslations("sampling");
  const state = new Map(states.map((s) => [s.departmentId, s]));
  return (
    <Table>
      <caption className="sr-only">{t("gaps.title")}</caption>
      <thead>
        <tr>
          <Th>{t("col.department")}</Th>
          <Th align="right">{t("gaps.projects")}</Th>
          <Th align="right">{t("gaps.settled")}</Th>
          <Th align="right">{t("gaps.selfAverage")}</Th>
          <Th align="right">{t("gaps.sampledAverage")}</Th>
          <Th align="right">{t("gaps.averageGap")}</Th>
          <Th>{t("gaps.feedback")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => {
          const s = state.get(r.departmentId);
          return (
            <tr key={r.departmentId}>
              <Td className="whitespace-nowrap">{r.departmentName}</Td>
              <Td align="right">{r.projects}</Td>
              <Td align="right">{r.settled}</Td>
              <Td align="right">{r.selfAverage ?? "—"}</Td>
              <Td align="right">{r.sampledAverage ?? "—"}</Td>
              <Td align="right">{signedText(r.averageGap)}</Td>
              <Td className="whitespace-nowrap">
                <Link
                  href={`/sampling/${batchId}/feedback/${r.departmentId}`}
                  className="mr-2 text-brand-700 hover:underline"
                  aria-label={t("gaps.openFeedback", { department: r.departmentName })}
                >
                  {s ? t(`feedbackStatus.${s.status}`) : t("gaps.write")}
                </Link>
                {s?.acknowledgedAt && <Badge tone="green">{t("feedback.acknowledged")}</Badge>}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
