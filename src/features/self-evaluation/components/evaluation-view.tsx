import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { executionPoints, hundredthsToText, toHundredths } from "@/domain/evaluation";
import { inUnit, ratePercent, toFen } from "@/domain/money";
import type { SelfEvaluationView } from "../queries";
import { GradeBadge } from "./grade-badge";
import { SelfStatusBadge } from "./status-badge";

/** A filed self-evaluation, read-only: the figures, every line, the total and grade as stored. */
export async function EvaluationReadOnly({ view }: { view: SelfEvaluationView }) {
  const [t, tl] = await Promise.all([getTranslations("selfEvaluation"), getTranslations("targets")]);
  const ev = view.evaluation!;
  const budget = ev.budgetTotal ?? "0";
  const executed = ev.executedTotal ?? "0";
  const exec = executionPoints(toFen(budget), toFen(executed), view.rules.executionWeight);
  const rate = ratePercent(executed, budget, 2);
  return (
    <div className="space-y-5">
      <Card>
        <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-5">
          <div>
            <dt className="text-slate-500">{t("form.budget")}</dt>
            <dd className="num font-medium">
              {inUnit(budget, "wan")} {t("wan")}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("form.executed")}</dt>
            <dd className="num font-medium">
              {inUnit(executed, "wan")} {t("wan")}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("view.rate")}</dt>
            <dd className="num font-medium">{rate === null ? "—" : `${rate}%`}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("form.total")}</dt>
            <dd className="num text-lg font-semibold" data-testid="stored-total">
              {ev.totalScore ?? "—"}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("form.grade")}</dt>
            <dd data-testid="stored-grade">
              <GradeBadge grade={ev.grade} />
            </dd>
          </div>
        </dl>
      </Card>
      <Table aria-label={t("form.tableCaption")}>
        <thead>
          <tr>
            <Th align="center">{t("col.seq")}</Th>
            <Th>{t("col.indicator")}</Th>
            <Th>{t("col.target")}</Th>
            <Th align="right">{t("col.maxPoints")}</Th>
            <Th>{t("col.actual")}</Th>
            <Th align="right">{t("col.points")}</Th>
            <Th>{t("col.note")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {view.lines.map((l, i) => (
            <tr key={l.id} className="align-top">
              <Td align="center" className="num text-slate-500">
                {i + 1}
              </Td>
              <Td>
                <div className="font-medium text-slate-800">{l.name}</div>
                <div className="text-xs text-slate-500">
                  {tl(`level1.${l.level1}` as never)} / {tl(`level2.${l.level2}` as never)}
                </div>
              </Td>
              <Td>{l.targetText || "—"}</Td>
              <Td align="right">{hundredthsToText(toHundredths(l.maxPoints) ?? 0)}</Td>
              <Td>{l.actualValue || "—"}</Td>
              <Td align="right">{l.points ?? "—"}</Td>
              <Td className="max-w-md whitespace-pre-line text-slate-600">{l.note || "—"}</Td>
            </tr>
          ))}
          <tr className="bg-slate-50">
            <Td />
            <Td className="font-medium">{t("form.executionPoints")}</Td>
            <Td>{t("view.executionRule")}</Td>
            <Td align="right">{view.rules.executionWeight.toFixed(2)}</Td>
            <Td>{rate === null ? "—" : `${rate}%`}</Td>
            <Td align="right">{hundredthsToText(exec)}</Td>
            <Td />
          </tr>
        </tbody>
      </Table>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("form.summary")}>
          <p className="text-sm whitespace-pre-line text-slate-700">{ev.summary || "—"}</p>
        </Card>
        <Card title={t("form.improvement")}>
          <p className="text-sm whitespace-pre-line text-slate-700">{ev.improvement || "—"}</p>
        </Card>
      </div>
    </div>
  );
}

/** The evaluation's moves, newest first, with who made them and their comments. */
export async function EvaluationHistory({ history }: { history: SelfEvaluationView["history"] }) {
  const [t, format] = await Promise.all([getTranslations("selfEvaluation"), getFormatter()]);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title" className="mb-2 text-sm font-medium text-slate-900">
        {t("history.title")}
      </h2>
      {history.length === 0 ? (
        <p className="text-sm text-slate-500">{t("history.empty")}</p>
      ) : (
        <ol className="space-y-2 text-sm">
          {history.map((h) => (
            <li key={h.id} className="rounded-md border border-slate-200 bg-white px-3 py-2">
              <div className="flex flex-wrap items-center gap-2">
                <SelfStatusBadge status={h.to} />
                <span className="text-slate-700">{h.actor ?? t("history.system")}</span>
                <time className="num text-xs text-slate-500" dateTime={h.at.toISOString()}>
                  {format.dateTime(h.at, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </div>
              {h.comment && <p className="mt-1 whitespace-pre-line text-slate-600">{h.comment}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
