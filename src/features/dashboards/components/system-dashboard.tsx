import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card, StatCard } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { CurrentUser } from "@/server/session";
import { integer } from "../format";
import { systemOverview } from "../system-queries";
import { DashboardHeader } from "./dashboard-header";
import { SignInTable } from "./sign-in-table";

/** Accounts, organisations and sign-ins for the system administrator — no business data (三权分立). */
export async function SystemDashboard({ user }: { user: CurrentUser }) {
  const [t, te, data] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("enums"),
    systemOverview(user),
  ]);
  const accounts = t("units.accounts");
  return (
    <div className="space-y-4" data-testid="dashboard">
      <DashboardHeader title={t("system.title")} description={t("system.description")} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatCard
          label={t("system.users")}
          value={integer(data.users.total)}
          unit={accounts}
          href="/admin/users"
        />
        <StatCard label={t("system.active")} value={integer(data.users.active)} unit={accounts} />
        <StatCard label={t("system.disabled")} value={integer(data.users.disabled)} unit={accounts} />
        <StatCard
          label={t("system.locked")}
          value={integer(data.users.locked)}
          unit={accounts}
          hint={t("system.lockedHint")}
        />
      </div>
      <div className="grid items-start gap-4 xl:grid-cols-2">
        <Card
          title={t("system.byRole")}
          actions={
            <ButtonLink href="/admin/users" variant="ghost" size="sm">
              {t("system.manageUsers")}
            </ButtonLink>
          }
        >
          <Table>
            <caption className="sr-only">{t("system.byRole")}</caption>
            <thead>
              <tr>
                <Th>{t("columns.role")}</Th>
                <Th align="right">{t("system.users")}</Th>
                <Th align="right">{t("system.active")}</Th>
                <Th align="right">{t("system.disabled")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.byRole.map((r) => (
                <tr key={r.role}>
                  <Td>{te(`role.${r.role}`)}</Td>
                  <Td align="right">{integer(r.total)}</Td>
                  <Td align="right">{integer(r.active)}</Td>
                  <Td align="right">{integer(r.disabled)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card title={t("system.orgsByKind")}>
          <Table>
            <caption className="sr-only">{t("system.orgsByKind")}</caption>
            <thead>
              <tr>
                <Th>{t("columns.orgKind")}</Th>
                <Th align="right">{t("system.orgs")}</Th>
                <Th align="right">{t("system.active")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.orgsByKind.map((r) => (
                <tr key={r.kind}>
                  <Td>{te(`orgKind.${r.kind}`)}</Td>
                  <Td align="right">{integer(r.total)}</Td>
                  <Td align="right">{integer(r.active)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card title={t("signIns.recent")}>
          <SignInTable rows={data.recentSignIns} failures={false} caption={t("signIns.recent")} />
        </Card>
        <Card title={t("signIns.failed")}>
          <SignInTable rows={data.recentFailures} failures caption={t("signIns.failed")} />
        </Card>
      </div>
    </div>
  );
}
