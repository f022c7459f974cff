import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { NoticesToAct } from "@/features/monitoring/components/notices-to-act";
import { listRounds } from "@/features/monitoring/queries";
import { DistrictSelector } from "@/features/districts/components/district-selector";
import { districtReader } from "@/features/districts/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MonitoringPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "monitoring.read")) notFound();
  // A province-level user's 行政区划 narrows the rounds' progress to one district's projects.
  const { reader, district, options: districts } = await districtReader(user, (await searchParams).district);
  const [rounds, t] = await Promise.all([listRounds(reader), getTranslations("monitoring")]);
  const keep = district ? `?district=${district}` : "";
  const manage = can(user.role, "monitoring.manageRounds");
  // The review step waiting on this user, if any: the department's, or finance's after it.
  const review = can(user.role, "monitoring.deptReview")
    ? ({ key: "awaitingDept", status: "SUBMITTED" } as const)
    : can(user.role, "monitoring.financeReview")
      ? ({ key: "awaitingFinance", status: "DEPT_APPROVED" } as const)
      : null;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {can(user.role, "monitoring.warnings") && (
              <ButtonLink href={`/monitoring/warnings${keep}`} variant="secondary">
                {t("warnings.title")}
              </ButtonLink>
            )}
            {can(user.role, "monitoring.importPayments") && (
              <ButtonLink href="/monitoring/payments" variant="secondary">
                {t("payments.title")}
              </ButtonLink>
            )}
            {manage && <ButtonLink href="/monitoring/rounds/new">{t("rounds.open")}</ButtonLink>}
          </>
        }
      />
      {districts.length > 0 && (
        <div className="mb-4 w-72">
          <DistrictSelector options={districts} district={district} />
        </div>
      )}
      <NoticesToAct user={reader} />
      {rounds.length === 0 ? (
        <EmptyState
          title={t("rounds.empty.title")}
          body={manage ? t("rounds.empty.bodyFinance") : t("rounds.empty.body")}
          action={manage && <ButtonLink href="/monitoring/rounds/new">{t("rounds.open")}</ButtonLink>}
        />
      ) : (
        <Table aria-label={t("rounds.title")}>
          <thead>
            <tr>
              <Th>{t("rounds.name")}</Th>
              <Th>{t("rounds.year")}</Th>
              <Th>{t("rounds.period")}</Th>
              <Th>{t("rounds.due")}</Th>
              <Th align="right">{t("progress.total")}</Th>
              <Th align="right">{t("progress.filed")}</Th>
              <Th align="right">{t("progress.notFiled")}</Th>
              <Th align="right">{t("progress.overdue")}</Th>
              {review && <Th align="right">{t("rounds.toReview")}</Th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rounds.map((r) => (
              <tr key={r.id} className="hover:bg-slate-50">
                <Td>
                  <Link
                    href={`/monitoring/rounds/${r.id}${keep}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {r.name}
                  </Link>
                </Td>
                <Td className="num">{r.year}</Td>
                <Td>{t("period", { months: r.periodMonths })}</Td>
                <Td className="num">{r.dueDate}</Td>
                <Td align="right">{r.total}</Td>
                <Td align="right">{r.filed}</Td>
                <Td align="right">{r.notFiled}</Td>
                <Td align="right">
                  {r.overdue ? <span className="font-medium text-red-700">{r.overdue}</span> : 0}
                </Td>
                {review && (
                  <Td align="right">
                    {r[review.key] ? (
                      <Link
                        href={`/monitoring/rounds/${r.id}?status=${review.status}${district ? `&district=${district}` : ""}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {r[review.key]}
                      </Link>
                    ) : (
                      0
                    )}
                  </Td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
