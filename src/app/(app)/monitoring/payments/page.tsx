import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { PaymentsImport } from "@/features/monitoring/components/payments-import";
import { yearOptions } from "@/features/monitoring/queries";
import { listPaymentImports } from "@/features/monitoring/report-queries";
import { formatAmount } from "@/features/projects/format";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

export default async function PaymentsPage() {
  const user = await requireUser();
  if (!can(user.role, "monitoring.importPayments")) notFound();
  const [years, imports, t, format] = await Promise.all([
    yearOptions(),
    listPaymentImports(user),
    getTranslations("monitoring.payments"),
    getFormatter(),
  ]);
  const defaultYear = years.includes(2021) ? 2021 : (years[0] ?? new Date().getFullYear());
  return (
    <>
      <Link href="/monitoring" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-5">
        <Card title={t("formLabel")}>
          <p className="mb-4 text-sm text-slate-600">{t("columnsHint")}</p>
          <PaymentsImport years={years} defaultYear={defaultYear} />
        </Card>
        <Card title={t("history")}>
          {imports.length === 0 ? (
            <p className="text-sm text-slate-500">{t("noHistory")}</p>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>{t("importedAt")}</Th>
                  <Th>{t("year")}</Th>
                  <Th>{t("filename")}</Th>
                  <Th align="right">{t("rows")}</Th>
                  <Th align="right">{t("totalWan")}</Th>
                  <Th>{t("by")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {imports.map((i) => (
                  <tr key={i.id}>
                    <Td className="num whitespace-nowrap">
                      {format.dateTime(i.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </Td>
                    <Td className="num">{i.year}</Td>
                    <Td>{i.filename}</Td>
                    <Td align="right">{i.rowCount}</Td>
                    <Td align="right">{formatAmount(i.total, "wan")}</Td>
                    <Td>{i.by ?? "—"}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
