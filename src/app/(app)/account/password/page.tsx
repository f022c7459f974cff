import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "@/features/account/components/change-password-form";
import { getPasswordChangedAt } from "@/features/account/queries";
import { can } from "@/server/permissions";
import { requireSignedIn } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.password"))("title") };
}

export default async function ChangePasswordPage() {
  const user = await requireSignedIn();
  if (!can(user.role, "account.changePassword")) notFound();
  const [t, format, changedAt] = await Promise.all([
    getTranslations("account.password"),
    getFormatter(),
    getPasswordChangedAt(user),
  ]);
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title={t("title")} description={t("description")} />
      {user.mustChangePassword && (
        <Alert tone="warning" className="mb-4">
          {t("mustChange")}
        </Alert>
      )}
      <Card>
        <dl className="mb-5 flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 pb-4 text-sm">
          <div className="flex items-baseline gap-2">
            <dt className="text-slate-500">{t("account")}</dt>
            <dd className="font-mono text-slate-800">{user.username}</dd>
          </div>
          {changedAt && !user.mustChangePassword && (
            <dd className="num text-xs text-slate-500">
              {t("lastChanged", {
                at: format.dateTime(changedAt, { year: "numeric", month: "2-digit", day: "2-digit" }),
              })}
            </dd>
          )}
        </dl>
        <ChangePasswordForm username={user.username} />
      </Card>
    </div>
  );
}
