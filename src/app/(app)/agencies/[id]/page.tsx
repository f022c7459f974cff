import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import {
  ConflictForm,
  ProfileForm,
  RemoveStaffButton,
  StaffForm,
  StatusForm,
  ViolationForm,
} from "@/features/agencies/components/agency-forms";
import { AgencyStatusBadge } from "@/features/agencies/components/status-badge";
import { departmentChoices, getAgency } from "@/features/agencies/queries";
import { RATING_CRITERIA, type RatingCriterion } from "@/features/agencies/rules";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AgencyPage({ params, searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "agencies.read")) notFound();
  const [{ id }, raw, t, te] = await Promise.all([
    params,
    searchParams,
    getTranslations("agencies"),
    getTranslations("enums.agencyType"),
  ]);
  if (!GUID.test(id)) notFound();
  // Another agency's record reads as not found.
  const agency = await getAgency(user, id);
  if (!agency) notFound();
  const manage = can(user.role, "agencies.manage");
  const edit = can(user.role, "agencies.editProfile");
  const departments = edit ? await departmentChoices() : [];
  const p = agency.profile;
  const fact = (label: string, value: string) => (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-0.5 whitespace-pre-line text-slate-800">{value || "—"}</dd>
    </div>
  );

  return (
    <>
      {user.role !== "AGENCY" && (
        <Link href="/agencies" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
      )}
      <PageHeader
        title={agency.name}
        description={`${agency.type ? te(agency.type) : ""} · ${agency.code}`}
        actions={<AgencyStatusBadge status={p.status} />}
      />
      {raw.created && (
        <Alert tone="success" className="mb-4">
          {t("create.done")}
        </Alert>
      )}
      <Alert tone={agency.refusals.length ? "warning" : "info"} className="mb-4">
        <span data-testid="eligibility">
          {agency.refusals.length
            ? t("eligibility.refused", {
                reasons: agency.refusals.map((r) => t(`eligibility.${r}`)).join("；"),
              })
            : t("eligibility.ok")}
        </span>
        {p.statusReason && p.status !== "ACTIVE" && (
          <span className="block text-xs">{t("eligibility.statusReason", { reason: p.statusReason })}</span>
        )}
      </Alert>
      <div className={`grid gap-5 ${manage ? "xl:grid-cols-2" : ""}`}>
        <Card title={t("profile.title")}>
          {edit ? (
            <ProfileForm agencyId={agency.id} version={p.version} profile={p} />
          ) : (
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              {fact(t("field.creditCode"), p.creditCode)}
              {fact(t("field.contactName"), p.contactName)}
              {fact(t("field.contactPhone"), p.contactPhone)}
              {fact(t("field.address"), p.address)}
              <div className="sm:col-span-2">{fact(t("field.qualifications"), p.qualifications)}</div>
            </dl>
          )}
        </Card>
        {manage && (
          <Card title={t("statusForm.title")} className="self-start">
            <StatusForm agencyId={agency.id} version={p.version} status={p.status} />
          </Card>
        )}
      </div>

      <div className="mt-5 grid gap-5 xl:grid-cols-2">
        <Card title={t("staff.heading", { n: agency.staff.length })}>
          {agency.staff.length === 0 ? (
            <p className="mb-3 text-sm text-slate-500">{t("staff.empty")}</p>
          ) : (
            <ul
              className="mb-4 divide-y divide-slate-100 text-sm"
              aria-label={t("staff.heading", { n: agency.staff.length })}
            >
              {agency.staff.map((s) => (
                <li key={s.id} className="flex items-center justify-between gap-3 py-2">
                  <span>
                    <span className="font-medium text-slate-800">{s.name}</span>
                    <span className="ml-2 text-slate-500">
                      {[s.title, s.qualification].filter(Boolean).join(" · ")}
                    </span>
                  </span>
                  {edit && <RemoveStaffButton agencyId={agency.id} staffId={s.id} name={s.name} />}
                </li>
              ))}
            </ul>
          )}
          {edit && <StaffForm agencyId={agency.id} />}
        </Card>
        <Card title={t("conflicts.title")}>
          {agency.conflicts.length === 0 ? (
            <p className="mb-3 text-sm text-slate-500">{t("conflicts.empty")}</p>
          ) : (
            <ul className="mb-4 divide-y divide-slate-100 text-sm">
              {agency.conflicts.map((c) => (
                <li key={c.departmentId} className="py-2">
                  <span className="font-medium text-slate-800">{c.departmentName}</span>
                  <span className="ml-2 text-slate-500">{c.reason}</span>
                </li>
              ))}
            </ul>
          )}
          {edit && <ConflictForm agencyId={agency.id} departments={departments} />}
        </Card>
      </div>

      <Card title={t("ratings.title")} className="mt-5">
        {agency.ratings.length === 0 ? (
          <p className="text-sm text-slate-500">{t("ratings.empty")}</p>
        ) : (
          <Table aria-label={t("ratings.title")}>
            <thead>
              <tr>
                <Th>{t("ratings.ratedOn")}</Th>
                <Th>{t("ratings.subject")}</Th>
                {(Object.keys(RATING_CRITERIA) as RatingCriterion[]).map((k) => (
                  <Th key={k} align="right">
                    {t(`ratings.${k}`, { max: RATING_CRITERIA[k] })}
                  </Th>
                ))}
                <Th align="right">{t("ratings.score")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {agency.ratings.map((r) => (
                <tr key={r.id}>
                  <Td className="num whitespace-nowrap">{r.ratedOn}</Td>
                  <Td>
                    {r.evaluationId && r.subjectName ? (
                      <Link
                        href={`/third-party/${r.evaluationId}`}
                        className="text-brand-700 hover:underline"
                      >
                        {r.subjectName}
                      </Link>
                    ) : (
                      <span className="text-slate-400">{t("ratings.noSubject")}</span>
                    )}
                  </Td>
                  {(Object.keys(RATING_CRITERIA) as RatingCriterion[]).map((k) => (
                    <Td key={k} align="right">
                      {r.breakdown[k] ?? "—"}
                    </Td>
                  ))}
                  <Td align="right" className="font-semibold">
                    {r.score}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card title={t("violations.title")} className="mt-5">
        {agency.violations.length === 0 ? (
          <p className="mb-3 text-sm text-slate-500">{t("violations.empty")}</p>
        ) : (
          <Table aria-label={t("violations.title")}>
            <thead>
              <tr>
                <Th>{t("violations.occurredOn")}</Th>
                <Th>{t("violations.description")}</Th>
                <Th>{t("violations.penalty")}</Th>
                <Th>{t("violations.recordedBy")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {agency.violations.map((v) => (
                <tr key={v.id}>
                  <Td className="num whitespace-nowrap">{v.occurredOn}</Td>
                  <Td>{v.description}</Td>
                  <Td>{v.penalty || "—"}</Td>
                  <Td>{v.recordedBy ?? "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {manage && (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <ViolationForm agencyId={agency.id} />
          </div>
        )}
      </Card>
    </>
  );
}
