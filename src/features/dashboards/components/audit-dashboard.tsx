import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card, StatCard } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { CurrentUser } from "@/server/session";
import { integer } from "../format";
import { auditOverview, type AuditCounts } from "../system-queries";
import { DashboardHeader } from "./dashboard-header";
import { SignInTable } from "./sign-in-table";

const ROWS: (keyof AuditCounts)[] = ["signIns", "failures", "denied", "total"];

/** The audit administrator's view: today's and the week's security events, and the latest failures. */
export async function AuditDashboard({ user }: { user: CurrentUser }) {
  const [t, format, data] = await Promise.all([
    getTranslations("dashboard"),
    getFormatter(),
    auditOverview(user),
  ]);
  const events = t("units.events");
  return (
    <div className="space-y-4" data-testid="dashboard">
      <DashboardHeader title={t("auditor.title")} description={t("auditor.description")} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatCard
          label={t("auditor.todaySignIns")}
          value={integer(data.today.signIns)}
          unit={events}
          href="/audit"
        />
        <StatCard
          label={t("auditor.todayFailures")}
          value={integer(data.today.failures)}
          unit={events}
          href="/audit"
        />
        <StatCard
          label={t("auditor.todayDenied")}
          value={integer(data.today.denied)}
          unit={events}
          href="/audit"
        />
        <StatCard
          label={t("auditor.weekTotal")}
          value={integer(data.week.total)}
          unit={events}
          hint={t("auditor.since", { date: format.dateTime(data.since, { dateStyle: "medium" }) })}
          href="/audit"
        />
      </div>
      <div className="grid items-start gap-4 xl:grid-cols-12">
        <Card title={t("auditor.countsTitle")} className="xl:col-span-5">
          <Table>
            <caption className="sr-only">{t("auditor.countsTitle")}</caption>
            <thead>
              <tr>
                <Th>{t("auditor.event")}</Th>
                <Th align="right">{t("auditor.today")}</Th>
                <Th align="right">{t("auditor.week")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {ROWS.map((k) => (
                <tr key={k}>
                  <Td>{t(`auditor.events.${k}`)}</Td>
                  <Td align="right">{integer(data.today[k])}</Td>
                  <Td align="right">{integer(data.week[k])}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card
          title={t("signIns.failed")}
          className="xl:col-span-7"
          actions={
            <ButtonLink href="/audit" variant="ghost" size="sm">
              {t("auditor.openLog")}
            </ButtonLink>
          }
        >
          <SignInTable rows={data.recentFailures} failures caption={t("signIns.failed")} />
        </Card>
      </div>
    </div>
  );
}
