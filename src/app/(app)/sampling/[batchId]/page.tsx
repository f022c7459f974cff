import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card, StatCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { inUnit, sumYuan } from "@/domain/money";
import { BatchStatusBadge } from "@/features/sampling/components/badges";
import { CloseBatchButton } from "@/features/sampling/components/close-batch-button";
import { DepartmentGapTable } from "@/features/sampling/components/department-gap-table";
import { GroupMembersForm } from "@/features/sampling/components/group-members-form";
import { SelectionsTable } from "@/features/sampling/components/selections-table";
import { StartBatchButton } from "@/features/sampling/components/start-batch-button";
import { feedbackStates } from "@/features/sampling/feedback-queries";
import { batchSelections, departmentGaps, getBatch, reviewerOptions } from "@/features/sampling/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { params: Promise<{ batchId: string }> };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function SamplingBatchPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "sampling.manage")) notFound();
  const { batchId } = await params;
  const detail = GUID.test(batchId) ? await getBatch(user, batchId) : null;
  if (!detail) notFound();
  const { batch, groups, canAct } = detail;
  // A province-level administrator reads a district's batch; only its district acts on it.
  const draft = batch.status === "DRAFT";
  const editable = draft && canAct;
  const [rows, gaps, states, people, t, tc] = await Promise.all([
    batchSelections(user, batchId),
    departmentGaps(batchId),
    feedbackStates(batchId),
    editable ? reviewerOptions(user) : [],
    getTranslations("sampling"),
    getTranslations("common"),
  ]);
  const groupLabel = (sortOrder: number) => t("groupName", { n: sortOrder + 1 });
  const funds = sumYuan(...rows.map((r) => r.budget));
  const settled = rows.filter((r) => r.status === "SETTLED").length;
  const mustInclude = rows.filter((r) => r.reason !== "RANDOM").length;
  const memberOf = new Map<string, string>();
  for (const g of groups) for (const m of g.members) memberOf.set(m.id, groupLabel(g.sortOrder));

  return (
    <>
      <PageHeader
        title={batch.name}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>{t("batchYear", { year: batch.year, work: batch.year + 1 })}</span>
            <BatchStatusBadge status={batch.status} />
          </span>
        }
        actions={
          <>
            <a href={`/sampling/${batch.id}/export`} className="text-sm text-brand-700 hover:underline">
              {t("export")}
            </a>
            <ButtonLink href={`/sampling?year=${batch.year}`} variant="secondary">
              {t("back")}
            </ButtonLink>
          </>
        }
      />
      <div className="space-y-5">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="batch-headline">
          <StatCard
            label={t("stats.sampled")}
            value={rows.length}
            hint={t("stats.population", { count: batch.populationSize })}
          />
          <StatCard label={t("stats.groups")} value={groups.length} />
          <StatCard label={t("stats.funds")} value={inUnit(funds, "yi", 2)} unit={tc("unitYi")} />
          <StatCard label={t("stats.settled")} value={`${settled} / ${rows.length}`} />
        </div>
        <Card title={t("inputs.title")}>
          <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-5">
            <div>
              <dt className="text-slate-500">{t("inputs.seed")}</dt>
              <dd className="num font-medium">{batch.seed}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("inputs.minAmount")}</dt>
              <dd className="num font-medium">
                {batch.minAmount ? `${inUnit(batch.minAmount, "wan", 2)} ${tc("unitWan")}` : t("inputs.none")}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("inputs.lastYearFail")}</dt>
              <dd className="font-medium">{batch.includeLastYearFail ? tc("yes") : tc("no")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("inputs.redWarnings")}</dt>
              <dd className="font-medium">{batch.includeRedWarnings ? tc("yes") : tc("no")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("inputs.mustInclude")}</dt>
              <dd className="num font-medium">{mustInclude}</dd>
            </div>
          </dl>
          <p className="mt-3 text-xs text-slate-500">{t("inputs.explain")}</p>
        </Card>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          {groups.map((g) => (
            <Card
              key={g.id}
              title={groupLabel(g.sortOrder)}
              actions={
                <span className="num text-xs text-slate-500">
                  {t("groups.summary", { count: g.projects, funds: inUnit(g.funds, "wan", 2) })}
                </span>
              }
            >
              {editable ? (
                <GroupMembersForm
                  groupId={g.id}
                  groupLabel={groupLabel(g.sortOrder)}
                  batchVersion={batch.version}
                  people={people}
                  memberIds={g.members.map((m) => m.id)}
                  leadId={g.leadId}
                  elsewhere={Object.fromEntries(
                    [...memberOf].filter(([, label]) => label !== groupLabel(g.sortOrder)),
                  )}
                />
              ) : (
                <p className="text-sm text-slate-700" data-testid="group-members">
                  {g.members.map((m, i) => (
                    <span key={m.id}>
                      {i > 0 && "、"}
                      {m.name}
                      {m.id === g.leadId && t("groups.leadMark")}
                    </span>
                  ))}
                </p>
              )}
            </Card>
          ))}
        </div>
        {editable && (
          <Card title={t("start.title")}>
            <StartBatchButton batchId={batch.id} batchVersion={batch.version} />
          </Card>
        )}
        {!draft && (
          <Card title={t("gaps.title")}>
            <DepartmentGapTable batchId={batch.id} rows={gaps} states={states} />
          </Card>
        )}
        {batch.status === "STARTED" && canAct && (
          <Card title={t("close.title")}>
            <CloseBatchButton batchId={batch.id} batchVersion={batch.version} />
          </Card>
        )}
        <Card
          title={t("selections.title")}
          actions={
            <Link href={`/sampling/${batch.id}/export`} className="text-xs text-brand-700 hover:underline">
              {t("export")}
            </Link>
          }
        >
          <SelectionsTable
            rows={rows}
            batchId={batch.id}
            batchVersion={batch.version}
            editable={editable}
            groups={groups.map((g) => ({ id: g.id, label: groupLabel(g.sortOrder) }))}
          />
        </Card>
      </div>
    </>
  );
}
