import { randomInt } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { inUnit } from "@/domain/money";
import { fiscalYearOptions } from "@/features/projects/queries";
import { BatchStatusBadge, SheetStatusBadge } from "@/features/sampling/components/badges";
import { BatchForm } from "@/features/sampling/components/batch-form";
import { drawCandidates } from "@/features/sampling/draw-inputs";
import { gapText } from "@/features/sampling/format";
import { listBatches, myGroupProjects } from "@/features/sampling/queries";
import { batchListParamsSchema, DEFAULT_SAMPLING_YEAR } from "@/features/sampling/schemas";
import { db } from "@/server/db";
import { DistrictSelector } from "@/features/districts/components/district-selector";
import { districtReader } from "@/features/districts/queries";
import { can } from "@/server/permissions";
import { requireUser } from "@/server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SamplingPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "sampling.read")) notFound();
  const manage = can(user.role, "sampling.manage");
  const [raw, years, t, tc] = await Promise.all([
    searchParams,
    fiscalYearOptions(),
    getTranslations("sampling"),
    getTranslations("common"),
  ]);
  const p = batchListParamsSchema.parse(raw);
  const year = p.year && years.includes(p.year) ? p.year : DEFAULT_SAMPLING_YEAR;

  if (!manage) {
    const rows = await myGroupProjects(user);
    const batches = [...new Map(rows.map((r) => [r.batchId, r])).values()];
    return (
      <>
        <PageHeader title={t("mine.title")} description={t("mine.description")} />
        {rows.length === 0 && <EmptyState title={t("mine.empty")} body={t("mine.emptyBody")} />}
        <div className="space-y-5">
          {batches.map((b) => (
            <Card
              key={b.batchId}
              title={`${b.batchName} · ${t("groupName", { n: b.groupOrder + 1 })}${b.lead ? t("groups.leadMark") : ""}`}
            >
              <Table>
                <caption className="sr-only">{b.batchName}</caption>
                <thead>
                  <tr>
                    <Th>{t("col.code")}</Th>
                    <Th>{t("col.project")}</Th>
                    <Th>{t("col.department")}</Th>
                    <Th align="right">{t("col.budgetWan")}</Th>
                    <Th align="right">{t("col.selfScore")}</Th>
                    <Th align="right">{t("col.sampledScore")}</Th>
                    <Th align="right">{t("col.gap")}</Th>
                    <Th>{t("col.status")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows
                    .filter((r) => r.batchId === b.batchId)
                    .map((r) => (
                      <tr key={r.projectId}>
                        <Td className="num whitespace-nowrap text-slate-500">{r.code}</Td>
                        <Td className="min-w-64">
                          {r.evaluationId ? (
                            <Link
                              href={`/sampling/evaluations/${r.evaluationId}`}
                              className="text-brand-700 hover:underline"
                            >
                              {r.name}
                            </Link>
                          ) : (
                            r.name
                          )}
                        </Td>
                        <Td className="whitespace-nowrap">{r.departmentName}</Td>
                        <Td align="right">{inUnit(r.budget, "wan", 2)}</Td>
                        <Td align="right">{r.selfTotal ?? "—"}</Td>
                        <Td align="right">{r.sampledTotal ?? "—"}</Td>
                        <Td align="right">{gapText(r.selfTotal, r.sampledTotal)}</Td>
                        <Td>
                          <SheetStatusBadge status={r.status} />
                        </Td>
                      </tr>
                    ))}
                </tbody>
              </Table>
            </Card>
          ))}
        </div>
      </>
    );
  }

  // A province-level administrator's 行政区划 narrows the batches listed to that district's own; the
  // draw form still acts for the signed-in user (the province's own batch).
  const { reader, district, options: districts } = await districtReader(user, raw.district);
  const keep = district ? `&district=${district}` : "";
  const [batches, candidates] = await Promise.all([
    listBatches(reader, year),
    drawCandidates(db, year, user),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { year, work: year + 1 })}
        actions={
          <nav aria-label={t("yearNav")} className="flex gap-1">
            {years.map((y) => (
              <Link
                key={y}
                href={`/sampling?year=${y}${keep}`}
                aria-current={y === year ? "page" : undefined}
                className={`rounded-md px-3 py-1.5 text-sm ${y === year ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {tc("yearValue", { year: y })}
              </Link>
            ))}
          </nav>
        }
      />
      {districts.length > 0 && (
        <div className="mb-4 w-72">
          <DistrictSelector options={districts} district={district} keep={{ year: String(year) }} />
        </div>
      )}
      <div className="space-y-5">
        <Card title={t("batches.title")}>
          {batches.length === 0 ? (
            <EmptyState title={t("batches.empty")} body={t("batches.emptyBody")} />
          ) : (
            <Table>
              <caption className="sr-only">{t("batches.title")}</caption>
              <thead>
                <tr>
                  <Th>{t("col.batch")}</Th>
                  <Th>{t("col.status")}</Th>
                  <Th align="right">{t("col.sampled")}</Th>
                  <Th align="right">{t("col.groups")}</Th>
                  <Th align="right">{t("col.fundsYi")}</Th>
                  <Th align="right">{t("col.settled")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {batches.map((b) => (
                  <tr key={b.id}>
                    <Td>
                      <Link href={`/sampling/${b.id}`} className="text-brand-700 hover:underline">
                        {b.name}
                      </Link>
                    </Td>
                    <Td>
                      <BatchStatusBadge status={b.status} />
                    </Td>
                    <Td align="right">{t("ofPopulation", { n: b.sampleSize, of: b.populationSize })}</Td>
                    <Td align="right">{b.groupCount}</Td>
                    <Td align="right">{inUnit(b.funds, "yi", 2)}</Td>
                    <Td align="right">
                      {b.settled} / {b.sampleSize}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card title={t("form.title")}>
          <BatchForm year={year} population={candidates.length} suggestedSeed={randomInt(1, 2_147_483_647)} />
        </Card>
      </div>
    </>
  );
}
