import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, StatCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DashboardHeader } from "@/features/dashboards/components/dashboard-header";
import type { CurrentUser } from "@/server/session";
import { agencyOverview } from "../queries";
import { todayInChina } from "../service";
import { EngagementTable } from "./engagement-list";

/**
 * An agency's dashboard: its open engagements by deadline (overdue flagged), finance's quality review
 * results, and its rating over time.
 */
export async function AgencyDashboard({ user }: { user: CurrentUser }) {
  const [t, data, format] = await Promise.all([
    getTranslations("thirdParty.dashboard"),
    agencyOverview(user),
    getFormatter(),
  ]);
  if (!data) return null;
  const n = (k: string[]) => k.reduce((s, x) => s + (data.byStatus[x as keyof typeof data.byStatus] ?? 0), 0);
  const latest = data.ratings[data.ratings.length - 1];
  return (
    <div className="space-y-4" data-testid="dashboard">
      <DashboardHeader title={t("title")} description={t("description", { name: user.orgName ?? "" })} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label={t("awaiting")} value={n(["DRAFT", "RECEIVED"])} href="/third-party?status=DRAFT" />
        <StatCard
          label={t("inProgress")}
          value={n(["SCORING", "RETURNED"])}
          href="/third-party?status=SCORING"
        />
        <StatCard label={t("inReview")} value={n(["SUBMITTED"])} href="/third-party?status=SUBMITTED" />
        <StatCard
          label={t("accepted")}
          value={n(["SETTLED"])}
          hint={latest ? t("latestRating", { score: latest.score }) : undefined}
          href="/third-party?status=SETTLED"
        />
      </div>
      <Card
        title={t("openTitle")}
        actions={
          <Link href="/third-party" className="text-sm text-brand-700 hover:underline">
            {t("all")}
          </Link>
        }
      >
        {data.open.length === 0 ? (
          <EmptyState title={t("openEmpty")} body={t("openEmptyBody")} />
        ) : (
          <EngagementTable rows={data.open} today={todayInChina()} showAgency={false} />
        )}
      </Card>
      <div className="grid items-start gap-4 xl:grid-cols-2">
        <Card title={t("reviewsTitle")}>
          {data.reviews.length === 0 ? (
            <p className="text-sm text-slate-500">{t("reviewsEmpty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {data.reviews.map((r) => (
                <li key={`${r.evaluationId}-${r.at.toISOString()}`} className="py-2">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <Link
                      href={`/third-party/${r.evaluationId}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {r.projectName ?? r.subjectName}
                    </Link>
                    <span className="text-xs text-slate-500">
                      {format.dateTime(r.at, { dateStyle: "medium" })}
                    </span>
                  </div>
                  <p className={r.toStatus === "RETURNED" ? "text-red-700" : "text-emerald-700"}>
                    {r.toStatus === "RETURNED" ? t("returned") : t("acceptedOne")}
                    {r.comment ? `：${r.comment}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("ratingsTitle")}>
          {data.ratings.length === 0 ? (
            <p className="text-sm text-slate-500">{t("ratingsEmpty")}</p>
          ) : (
            <ol className="space-y-1.5 text-sm" aria-label={t("ratingsTitle")}>
              {data.ratings.map((r, i) => (
                <li key={i} className="flex items-center gap-3">
                  <span className="num w-24 shrink-0 text-slate-500">{r.ratedOn}</span>
                  <span className="h-2.5 flex-1 rounded-full bg-slate-100">
                    <span
                      className="block h-2.5 rounded-full bg-brand-500"
                      style={{ width: `${Math.min(100, Number(r.score))}%` }}
                    />
                  </span>
                  <span className="num w-14 text-right font-medium text-slate-800">{r.score}</span>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </div>
  );
}
