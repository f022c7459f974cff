import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AccountStatusActions } from "@/features/users/components/account-status";
import { ResetTotp } from "@/features/two-factor/components/reset-totp";
import { ResetPasswordForm } from "@/features/users/components/reset-password-form";
import { UserForm } from "@/features/users/components/user-form";
import { UserStateBadges } from "@/features/users/components/user-state-badges";
import { labelledOrgGroups } from "@/features/users/org-groups";
import { getUserDetail } from "@/features/users/queries";
import { can } from "@/server/permissions";
import { ROLES } from "@/server/schema/enums";
import { requireUser } from "@/server/session";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("title") };
}

export default async function UserDetailPage({ params, searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "users.manage")) notFound();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const [detail, orgGroups, t, te, format] = await Promise.all([
    getUserDetail(user, id),
    labelledOrgGroups(user),
    getTranslations("admin.detail"),
    getTranslations("enums"),
    getFormatter(),
  ]);
  if (!detail || !orgGroups) notFound();
  const self = detail.id === user.id;
  const now = new Date();
  const when = (d: Date | null) =>
    d
      ? format.dateTime(d, {
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
          hour: "2-digit",
          minute: "2-digit",
        })
      : "—";
  const locked = detail.lockedUntil && detail.lockedUntil > now;

  return (
    <>
      <Link href="/admin/users" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ‹ {t("back")}
      </Link>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {detail.displayName}
            <span className="font-mono text-base font-normal text-slate-500">{detail.username}</span>
          </span>
        }
        description={`${te(`role.${detail.role}`)}${detail.orgName ? ` · ${detail.orgName}` : ""}`}
        actions={<UserStateBadges state={detail} now={now} />}
      />
      {query.created === "1" && (
        <Alert tone="success" className="mb-4">
          {t("created")}
        </Alert>
      )}
      <div className="grid grid-cols-1 items-start gap-5 xl:grid-cols-3">
        <Card title={t("basic")} className="xl:col-span-2">
          <UserForm
            mode="edit"
            roles={ROLES}
            orgGroups={orgGroups}
            self={self}
            initial={{
              id: detail.id,
              username: detail.username,
              displayName: detail.displayName,
              role: detail.role,
              orgId: detail.orgId,
              version: detail.version,
            }}
          />
        </Card>
        <div className="space-y-5">
          <Card title={t("account")}>
            <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-500">{t("lastSignIn")}</dt>
              <dd className="num text-slate-800">{when(detail.lastSignInAt)}</dd>
              <dt className="text-slate-500">{t("passwordChangedAt")}</dt>
              <dd className="num text-slate-800">{when(detail.passwordChangedAt)}</dd>
              <dt className="text-slate-500">{t("createdAt")}</dt>
              <dd className="num text-slate-800">{when(detail.createdAt)}</dd>
              <dt className="text-slate-500">{t("failedSignIns")}</dt>
              <dd className="num text-slate-800">
                {detail.failedSignIns}
                {locked && (
                  <span className="ml-2 text-red-700">
                    {t("lockedUntil", { at: when(detail.lockedUntil) })}
                  </span>
                )}
              </dd>
            </dl>
            <div className="border-t border-slate-100 pt-4">
              <AccountStatusActions id={detail.id} active={detail.active} self={self} />
            </div>
          </Card>
          {!self && (
            <Card title={t("reset")}>
              <ResetPasswordForm id={detail.id} />
            </Card>
          )}
          {!self && (
            <Card title={t("twoFactor")}>
              <ResetTotp id={detail.id} enabled={detail.totpEnabledAt !== null} />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
