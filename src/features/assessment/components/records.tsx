import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { AssessmentCriterion } from "@/domain/assessment";
import { bureauDate } from "@/domain/rectification";
import type { EvaluationStatus } from "@/domain/evaluation";
import { SelfStatusBadge } from "@/features/self-evaluation/components/status-badge";
import type { GapRecord, ItemRecord, NoticeRecord, ProjectRecord, SheetRecord } from "../queries";

const day = (d: Date | string | null) => (d === null ? "—" : bureauDate(new Date(d)));
const link = "text-brand-700 hover:underline";

function Section({
  ids,
  title,
  count,
  children,
}: {
  ids: AssessmentCriterion[];
  title: string;
  count: number;
  children: ReactNode;
}) {
  const t = useTranslations("assessment.records");
  return (
    <section aria-labelledby={`${ids[0]}-title`} className="scroll-mt-4" data-testid={`records-${ids[0]}`}>
      {ids.map((id, i) => (i === 0 ? null : <span key={id} id={id} className="block scroll-mt-4" />))}
      <h2 id={`${ids[0]}-title`} className="mb-2 text-sm font-semibold text-slate-800">
        <span id={ids[0]} className="scroll-mt-4">
          {title}
        </span>
        <span className="ml-2 text-xs font-normal text-slate-500">{count}</span>
      </h2>
      {count === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500">
          {t("none")}
        </p>
      ) : (
        children
      )}
    </section>
  );
}

function OnTime({ counted = true, onTime }: { counted?: boolean; onTime: boolean }) {
  const t = useTranslations("assessment.records");
  if (!counted) return <Badge tone="gray">{t("notCounted")}</Badge>;
  return onTime ? <Badge tone="green">{t("onTime")}</Badge> : <Badge tone="red">{t("late")}</Badge>;
}

export function ProjectRecords({ rows }: { rows: ProjectRecord[] }) {
  const t = useTranslations("assessment");
  const r = useTranslations("assessment.records");
  return (
    <Section ids={["targetsOnTime", "selfOnTime", "coverage"]} title={r("projectsTitle")} count={rows.length}>
      <Table aria-label={r("projectsTitle")}>
        <thead>
          <tr>
            <Th>{r("code")}</Th>
            <Th>{r("project")}</Th>
            <Th>{r("unit")}</Th>
            <Th>{r("targetSubmitted")}</Th>
            <Th>{t("criteria.targetsOnTime")}</Th>
            <Th>{r("selfStatus")}</Th>
            <Th>{r("selfSubmitted")}</Th>
            <Th>{t("criteria.selfOnTime")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((p) => (
            <tr key={p.projectId} data-testid="record-project">
              <Td className="num whitespace-nowrap">{p.code}</Td>
              <Td className="min-w-56">
                <Link href={`/targets/${p.projectId}`} className={link}>
                  {p.name}
                </Link>
              </Td>
              <Td className="min-w-32 text-slate-600">{p.unitName}</Td>
              <Td className="num whitespace-nowrap">{day(p.targetSubmitted)}</Td>
              <Td>
                {p.targetSubmitted ? (
                  <OnTime onTime={p.targetOnTime} />
                ) : (
                  <Badge tone="red">{r("notFiled")}</Badge>
                )}
              </Td>
              <Td>
                <Link href={`/self-evaluations/${p.projectId}`} className="hover:opacity-80">
                  <SelfStatusBadge status={(p.selfStatus as EvaluationStatus | null) ?? null} />
                </Link>
              </Td>
              <Td className="num whitespace-nowrap">{day(p.selfSubmitted)}</Td>
              <Td>
                {p.selfSubmitted ? (
                  <OnTime onTime={p.selfOnTime} />
                ) : (
                  <Badge tone="red">{r("notFiled")}</Badge>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Section>
  );
}

export function SheetRecords({ rows }: { rows: SheetRecord[] }) {
  const r = useTranslations("assessment.records");
  return (
    <Section ids={["targetQuality"]} title={r("sheetsTitle")} count={rows.length}>
      <Table aria-label={r("sheetsTitle")}>
        <thead>
          <tr>
            <Th>{r("code")}</Th>
            <Th>{r("project")}</Th>
            <Th align="right">{r("version")}</Th>
            <Th align="right">{r("returns")}</Th>
            <Th>{r("lastReason")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((s) => (
            <tr key={`${s.projectId}:${s.versionNo}`} data-testid="record-sheet">
              <Td className="num whitespace-nowrap">{s.code}</Td>
              <Td className="min-w-56">
                <Link href={`/targets/${s.projectId}`} className={link}>
                  {s.name}
                </Link>
              </Td>
              <Td align="right">{s.versionNo}</Td>
              <Td align="right">{s.returns}</Td>
              <Td className="min-w-64 text-slate-600">{s.lastReason ?? "—"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Section>
  );
}

export function GapRecords({ rows, canOpenSampled }: { rows: GapRecord[]; canOpenSampled: boolean }) {
  const r = useTranslations("assessment.records");
  return (
    <Section ids={["scoreGap"]} title={r("gapsTitle")} count={rows.length}>
      <Table aria-label={r("gapsTitle")}>
        <thead>
          <tr>
            <Th>{r("code")}</Th>
            <Th>{r("project")}</Th>
            <Th align="right">{r("selfScore")}</Th>
            <Th align="right">{r("sampledScore")}</Th>
            <Th align="right">{r("gap")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((g) => (
            <tr key={g.sampledId} data-testid="record-gap">
              <Td className="num whitespace-nowrap">{g.code}</Td>
              <Td className="min-w-56">
                <Link
                  href={
                    canOpenSampled
                      ? `/sampling/evaluations/${g.sampledId}`
                      : `/self-evaluations/${g.projectId}`
                  }
                  className={link}
                >
                  {g.name}
                </Link>
              </Td>
              <Td align="right">{g.selfScore}</Td>
              <Td align="right">{g.sampledScore}</Td>
              <Td align="right" className={Number(g.gap) > 0 ? "font-medium text-amber-700" : ""}>
                {Number(g.gap) > 0 ? `+${g.gap}` : g.gap}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Section>
  );
}

export function NoticeRecords({ rows }: { rows: NoticeRecord[] }) {
  const r = useTranslations("assessment.records");
  const ts = useTranslations("monitoring.noticeStatus");
  return (
    <Section ids={["notices"]} title={r("noticesTitle")} count={rows.length}>
      <Table aria-label={r("noticesTitle")}>
        <thead>
          <tr>
            <Th>{r("project")}</Th>
            <Th>{r("content")}</Th>
            <Th>{r("dueDate")}</Th>
            <Th>{r("repliedAt")}</Th>
            <Th>{r("result")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((n) => (
            <tr key={n.id} data-testid="record-notice">
              <Td className="min-w-48">
                <Link href={`/monitoring/reports/${n.reportId}`} className={link}>
                  {n.name}
                </Link>
                <span className="block text-xs text-slate-500">
                  {n.code} · {ts(n.status)}
                </span>
              </Td>
              <Td className="min-w-64 text-slate-600">{n.content}</Td>
              <Td className="num whitespace-nowrap">{n.dueDate ?? "—"}</Td>
              <Td className="num whitespace-nowrap">{day(n.repliedAt)}</Td>
              <Td>
                <OnTime counted={n.counted} onTime={n.onTime} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Section>
  );
}

export function ItemRecords({ rows }: { rows: ItemRecord[] }) {
  const r = useTranslations("assessment.records");
  const ts = useTranslations("rectification.status");
  return (
    <Section ids={["rectification"]} title={r("itemsTitle")} count={rows.length}>
      <Table aria-label={r("itemsTitle")}>
        <thead>
          <tr>
            <Th>{r("problem")}</Th>
            <Th>{r("project")}</Th>
            <Th>{r("deadline")}</Th>
            <Th>{r("closedAt")}</Th>
            <Th>{r("result")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((i) => (
            <tr key={i.id} data-testid="record-item">
              <Td className="min-w-64">
                <Link href={`/rectification/${i.id}`} className={link}>
                  {i.problem}
                </Link>
                <span className="block text-xs text-slate-500">{ts(i.status)}</span>
              </Td>
              <Td className="min-w-48 text-slate-600">{i.name ?? "—"}</Td>
              <Td className="num whitespace-nowrap">{i.deadline}</Td>
              <Td className="num whitespace-nowrap">{day(i.closedAt)}</Td>
              <Td>
                <OnTime counted={i.counted} onTime={i.onTime} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Section>
  );
}
