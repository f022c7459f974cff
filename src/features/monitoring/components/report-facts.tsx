import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { formatAmount } from "@/features/projects/format";
import type { MonitoringReport } from "@/server/schema";
import { FUNDING_SOURCES, type FundingSource } from "../constants";
import type { ReportView } from "../report-queries";
import { ReportStatusBadge } from "./badges";

const FIELD = { CURRENT: "executedCurrent", CARRYOVER: "executedCarryover", OTHER: "executedOther" } as const;

/** What the unit reported, read-only: figures by source, likelihood, reasons, measures. */
export async function ReportFacts({
  report,
  paid,
}: {
  report: MonitoringReport;
  paid: Record<FundingSource, string> | null;
}) {
  const t = await getTranslations("monitoring");
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-[8rem_minmax(0,1fr)] gap-3 py-2">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-sm whitespace-pre-line text-slate-800">{value || "—"}</dd>
    </div>
  );
  return (
    <Card title={t("report.filed")}>
      <dl className="divide-y divide-slate-100">
        {FUNDING_SOURCES.map((s) =>
          row(
            t(`source.${s}`),
            <span className="num">
              {formatAmount(report[FIELD[s]], "wan")} {t("warning.wan")}
              {paid && (
                <span className="ml-2 text-xs text-slate-500">
                  {t("report.paid", { amount: formatAmount(paid[s], "wan") })}
                </span>
              )}
            </span>,
          ),
        )}
        {report.executedReason && row(t("form.executedReason"), report.executedReason)}
        {row(t("form.likelihood"), report.likelihood ? t(`likelihood.${report.likelihood}`) : "")}
        {row(t("form.reasons"), report.deviationReasons.map((r) => t(`reason.${r}`)).join("、"))}
        {row(t("form.deviationNote"), report.deviationNote)}
        {row(t("form.measures"), report.measures)}
      </dl>
    </Card>
  );
}

/** The report's moves, newest first, with who made them and their comments. */
export async function ReportHistory({ history }: { history: ReportView["history"] }) {
  const [t, format] = await Promise.all([getTranslations("monitoring.history"), getFormatter()]);
  return (
    <section aria-labelledby="mh-title">
      <h2 id="mh-title" className="mb-2 text-sm font-medium text-slate-900">
        {t("title")}
      </h2>
      {history.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ol className="space-y-2 text-sm">
          {history.map((h) => (
            <li key={h.id} className="rounded-md border border-slate-200 bg-white px-3 py-2">
              <div className="flex flex-wrap items-center gap-2">
                <ReportStatusBadge status={h.to} />
                <span className="text-slate-700">{h.actor ?? t("system")}</span>
                <time className="num text-xs text-slate-500" dateTime={h.at.toISOString()}>
                  {format.dateTime(h.at, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </div>
              {h.comment && <p className="mt-1 whitespace-pre-line text-slate-600">{h.comment}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
