import Form from "next/form";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { AgencyStatusBadge } from "@/features/agencies/components/status-badge";
import { listAgencies } from "@/features/agencies/queries";
import { agencyListParamsSchema } from "@/features/agencies/schemas";
import { can } from "@/server/permissions";
import { AGENCY_STATUSES } from "@/server/schema/agencies";
import { AGENCY_TYPES } from "@/server/schema/enums";
import { requireUser } from "@/server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const label = "mb-1 block text-xs font-medium text-slate-600";

export default async function AgenciesPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "agencies.read")) notFound();
  // An agency's own record is its whole registry.
  if (user.role === "AGENCY") {
    if (!user.orgId) notFound();
    redirect(`/agencies/${user.orgId}`);
  }
  const [raw, t, te] = await Promise.all([
    searchParams,
    getTranslations("agencies"),
    getTranslations("enums.agencyType"),
  ]);
  const f = agencyListParamsSchema.parse(raw);
  const rows = await listAgencies(user, { type: f.type, status: f.status, q: f.q || undefined });
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(user.role, "agencies.manage") && (
            <ButtonLink href="/agencies/new">{t("create.title")}</ButtonLink>
          )
        }
      />
      <Form
        action="/agencies"
        aria-label={t("filters.label")}
        className="mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-[minmax(0,2fr)_repeat(2,minmax(0,1fr))_auto]"
      >
        <div>
          <label htmlFor="af-q" className={label}>
            {t("filters.q")}
          </label>
          <input id="af-q" name="q" type="search" defaultValue={f.q ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="af-type" className={label}>
            {t("filters.type")}
          </label>
          <select id="af-type" name="type" defaultValue={f.type ?? ""} className={inputClass}>
            <option value="">{t("filters.allTypes")}</option>
            {AGENCY_TYPES.map((a) => (
              <option key={a} value={a}>
                {te(a)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="af-status" className={label}>
            {t("filters.status")}
          </label>
          <select id="af-status" name="status" defaultValue={f.status ?? ""} className={inputClass}>
            <option value="">{t("filters.allStatuses")}</option>
            {AGENCY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2">
          <Button type="submit">{t("filters.apply")}</Button>
          <ButtonLink href="/agencies" variant="secondary">
            {t("filters.reset")}
          </ButtonLink>
        </div>
      </Form>
      {rows.length === 0 ? (
        <EmptyState title={t("empty.title")} body={t("empty.body")} />
      ) : (
        <Table aria-label={t("list.caption")}>
          <thead>
            <tr>
              <Th>{t("list.name")}</Th>
              <Th>{t("list.type")}</Th>
              <Th>{t("list.status")}</Th>
              <Th align="right">{t("list.staff")}</Th>
              <Th align="right">{t("list.recentViolations")}</Th>
              <Th align="right">{t("list.ratings")}</Th>
              <Th align="right">{t("list.averageRating")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id} className="hover:bg-slate-50">
                <Td>
                  <Link href={`/agencies/${r.id}`} className="font-medium text-brand-700 hover:underline">
                    {r.name}
                  </Link>
                  {r.blacklistedOn && r.status !== "BLACKLISTED" && (
                    <span className="ml-2 text-xs text-red-700">{t("list.formerlyBlacklisted")}</span>
                  )}
                </Td>
                <Td>{r.type ? te(r.type) : "—"}</Td>
                <Td>
                  <AgencyStatusBadge status={r.status} />
                </Td>
                <Td align="right">{r.staff}</Td>
                <Td align="right" className={r.recentViolations > 0 ? "font-medium text-red-700" : ""}>
                  {r.recentViolations}
                </Td>
                <Td align="right">{r.ratings}</Td>
                <Td align="right">{r.averageRating ?? "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
