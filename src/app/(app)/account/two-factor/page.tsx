import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EnrolForm } from "@/features/two-factor/components/enrol-form";
import { twoFactorStatus } from "@/features/two-factor/service";
import { can } from "@/server/permissions";
import { CHANGE_PASSWORD_PATH, requireSignedIn } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.twoFactor"))("title") };
}

export default async function TwoFactorPage() {
  const user = await requireSignedIn();
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  if (!can(user.role, "account.twoFactor")) notFound();
  const [t, format, status] = await Promise.all([
    getTranslations("account.twoFactor"),
    getFormatter(),
    twoFactorStatus(user),
  ]);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("title")} description={t("description")} />
      {user.mustEnrolTotp && (
        <Alert tone="warning" className="mb-4">
          {t("required")}
        </Alert>
      )}
      <Card>
        {status.enabled ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-500">{t("status")}</dt>
            <dd className="font-medium text-emerald-700">
              {t("enabledSince", {
                at: format.dateTime(status.since, { year: "numeric", month: "2-digit", day: "2-digit" }),
              })}
            </dd>
            <dt className="text-slate-500">{t("recoveryLeft")}</dt>
            <dd className="num text-slate-800">{status.recoveryCodesLeft}</dd>
            <dd className="col-span-2 mt-2 text-slate-500">{t("lostPhone")}</dd>
          </dl>
        ) : (
          <EnrolForm qr={status.qr} secret={status.secret} />
        )}
      </Card>
    </div>
  );
}
