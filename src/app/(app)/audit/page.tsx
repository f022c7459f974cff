import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { AuditFilters, type AuditFilterValues } from "@/features/audit/components/audit-filters";
import { AuditTable } from "@/features/audit/components/audit-table";
import { ChainCheck } from "@/features/audit/components/chain-check";
import { listAuditLog } from "@/features/audit/queries";
import { auditFilterSchema, filterParams } from "@/features/audit/schemas";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";
import { ExportButton } from "@/components/ui/export-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!can(user.role, "audit.read")) notFound();
  const raw = await searchParams;
  const [t, tv] = await Promise.all([getTranslations("audit"), getTranslations("validation")]);
  const parsed = auditFilterSchema.safeParse(raw);
  const values = Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  ) as AuditFilterValues;
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const i of parsed.error.issues) errors[String(i.path[0])] = tv(i.message);

  const filter = parsed.success ? parsed.data : null;
  const list = filter ? await listAuditLog(user, filter) : null;
  if (filter && !list) notFound();
  const query = filter ? filterParams(filter).toString() : "";
  const exportHref = `/audit/export${query ? `?${query}` : ""}`;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(user.role, "audit.export") &&
          filter && (
            // A plain link: the browser downloads the streamed file itself. Not prefetched.
            <ExportButton href={exportHref}>{t("export")}</ExportButton>
          )
        }
      />
      <ChainCheck />
      <AuditFilters values={values} errors={errors} />
      {!filter || !list ? (
        <Alert tone="error">{t("invalidFilter")}</Alert>
      ) : list.rows.length > 0 ? (
        <>
          <AuditTable rows={list.rows} />
          <Pagination
            page={filter.page}
            pageSize={list.pageSize}
            total={list.total}
            hrefFor={(page) => {
              const qs = filterParams(filter, page).toString();
              return qs ? `/audit?${qs}` : "/audit";
            }}
          />
        </>
      ) : (
        <EmptyState title={t("empty")} body={t("emptyBody")} />
      )}
    </>
  );
}
