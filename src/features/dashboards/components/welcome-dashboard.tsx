import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { CurrentUser } from "@/server/session";
import { DashboardHeader } from "./dashboard-header";

/**
 * Experts and agencies work only on what finance assigns them (review groups, engagements). Those
 * modules do not exist yet, so the page says plainly where their work will appear.
 */
export async function WelcomeDashboard({ user }: { user: CurrentUser }) {
  const [t, te] = await Promise.all([getTranslations("dashboard"), getTranslations("enums")]);
  const role = user.role === "AGENCY" ? "agency" : "expert";
  return (
    <div className="space-y-4" data-testid="dashboard">
      <DashboardHeader title={t(`${role}.title`)} description={t(`${role}.description`)} />
      <Card>
        <div className="flex flex-wrap items-center gap-4">
          <div
            aria-hidden="true"
            className="flex h-12 w-12 shrink-0 items-center justify-center rounded-full bg-brand-50 text-lg font-semibold text-brand-700"
          >
            {user.displayName.slice(0, 1)}
          </div>
          <div className="min-w-0">
            <p className="text-base font-medium text-slate-900">
              {t("welcome.greeting", { name: user.displayName })}
            </p>
            <p className="mt-0.5 text-sm text-slate-500">
              {te(`role.${user.role}`)}
              {" · "}
              {user.orgName ?? t("welcome.noOrg")}
            </p>
          </div>
        </div>
      </Card>
      <EmptyState title={t(`${role}.emptyTitle`)} body={t(`${role}.emptyBody`)} />
    </div>
  );
}
