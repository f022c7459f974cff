import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatAmount, formatRate } from "@/features/projects/format";
import { can } from "@/server/permissions";
import type { CurrentUser } from "@/server/session";
import { projectMonitoring } from "../report-queries";
import { bureauToday, progressRatio } from "../rules";
import { ColourBadge, ReportStatusBadge } from "./badges";
import { NoticeList } from "./notice-list";

/** For the project page: its monitoring reports in every round with their warnings, and the notices. */
export async function ProjectMonitoring({ user, projectId }: { user: CurrentUser; projectId: string }) {
  if (!can(user.role, "monitoring.read")) return null;
  const [{ reports, notices }, t] = await Promise.all([
    projectMonitoring(user, projectId),
    getTranslations("monitoring"),
  ]);
  return (
    <Card title={t("projectSection.title")}>
      {reports.length === 0 ? (
        <p className="text-sm text-slate-500">{t("projectSection.empty")}</p>
      ) : (
        <div className="space-y-5">
          <Table aria-label={t("projectSection.title")}>
            <thead>
              <tr>
                <Th>{t("columns.round")}</Th>
                <Th>{t("columns.status")}</Th>
                <Th align="right">{t("columns.executed")}</Th>
                <Th align="right">{t("columns.rate")}</Th>
                <Th align="right">{t("columns.ratio")}</Th>
                <Th>{t("columns.colour")}</Th>
                <Th align="right">{t("columns.flagged")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {reports.map((r) => {
                const filed = r.status !== "NOT_FILED";
                const ratio = filed ? progressRatio(r.executed, r.budget, r.periodMonths) : null;
                return (
                  <tr key={r.id}>
                    <Td>
                      <Link href={`/monitoring/reports/${r.id}`} className="text-brand-700 hover:underline">
                        {r.roundName}
                      </Link>
                    </Td>
                    <Td>
                      <ReportStatusBadge status={r.status} />
                    </Td>
                    <Td align="right">{filed ? formatAmount(r.executed, "wan") : "—"}</Td>
                    <Td align="right">{filed ? formatRate(r.executed, r.budget) : "—"}</Td>
                    <Td align="right">{ratio ? `${ratio}%` : "—"}</Td>
                    <Td>
                      <ColourBadge colour={filed ? r.colour : null} />
                    </Td>
                    <Td align="right">{filed && r.flagged ? r.flagged : "—"}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("notices.title")}</h3>
            <NoticeList
              notices={notices}
              projectId={projectId}
              today={bureauToday()}
              canAnswer={false}
              canClose={false}
              showRound
            />
          </div>
        </div>
      )}
    </Card>
  );
}
