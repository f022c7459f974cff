import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ratePercent } from "@/domain/money";
import { can, type Permission } from "@/server/permissions";
import type { Role } from "@/server/schema/enums";
import type { ChainSummary, RectificationSummary } from "../chain-queries";
import { integer, money, withDistrict } from "../format";

const pct = (part: number, whole: number) =>
  whole ? `${ratePercent(BigInt(part), BigInt(whole), 1)}%` : "—";

/**
 * 全链条: the year's projects stage by stage — how many reached each step, as a share of all, with
 * the step's own figures — each linking to the list behind it. Text and numbers, no colour needed.
 */
export async function ChainFunnel({
  data,
  rectification: rect,
  year,
  district,
  role,
}: {
  data: ChainSummary;
  rectification: RectificationSummary;
  year: number;
  /** 行政区划 a province-level user picked: links into lists keep it. */
  district?: string;
  role: Role;
}) {
  const [t, tc, tg] = await Promise.all([
    getTranslations("dashboard.chain"),
    getTranslations("common"),
    getTranslations("enums.grade"),
  ]);
  const steps = [
    {
      key: "targets",
      count: data.targetsApproved,
      href: withDistrict(`/targets?year=${year}&status=APPROVED`, district),
      permission: "targets.read" as Permission,
      detail: t("targetsDetail"),
    },
    {
      key: "monitoring",
      count: data.monitored,
      href: withDistrict("/monitoring", district),
      permission: "monitoring.read" as Permission,
      detail: t("monitoringDetail", { red: data.red, yellow: data.yellow, green: data.green }),
    },
    {
      key: "self",
      count: data.selfFiled,
      href: withDistrict(`/self-evaluations?year=${year}`, district),
      permission: "selfEvaluation.read" as Permission,
      detail: data.selfFiled
        ? t("selfDetail", {
            average: data.selfAverage ?? "—",
            mix: (
              [
                ["EXCELLENT", data.excellent],
                ["GOOD", data.good],
                ["PASS", data.pass],
                ["FAIL", data.fail],
              ] as const
            )
              .map(([grade, n]) => `${tg(grade)} ${n}`)
              .join(" · "),
          })
        : t("none"),
    },
    {
      key: "sampled",
      count: data.sampled,
      href: withDistrict(`/sampling?year=${year}`, district),
      permission: "sampling.read" as Permission,
      detail: data.sampled
        ? t("sampledDetail", {
            funds: money(data.sampledBudget, "yi"),
            unit: tc("unitYi"),
            gap: data.gap ?? "—",
          })
        : t("none"),
    },
  ].map((s, i) => ({ ...s, n: i + 1 }));
  const body = (step: (typeof steps)[number]) => (
    <>
      <div className="flex items-baseline justify-between gap-2">
        <span className="text-sm font-medium text-slate-700 group-hover:text-brand-700">
          {step.n}. {t(`${step.key}`)}
        </span>
        <span className="num text-xs text-slate-500">{pct(step.count, data.projects)}</span>
      </div>
      <div className="mt-1 flex items-baseline gap-1">
        <span className="num text-2xl font-semibold text-slate-900">{integer(step.count)}</span>
        <span className="text-sm text-slate-500">/ {integer(data.projects)}</span>
      </div>
      <div className="mt-2 h-1.5 rounded-full bg-slate-100" role="presentation">
        <div
          className="h-1.5 rounded-full bg-brand-600"
          style={{ width: data.projects ? `${(100 * step.count) / data.projects}%` : 0 }}
        />
      </div>
      <p className="mt-2 text-xs text-slate-600">{step.detail}</p>
    </>
  );
  // 整改: items, not projects; the bar is the share closed, overdue named in words and in red.
  const rectBody = (
    <>
      <div className="flex items-baseline justify-between gap-2">
        <span className="text-sm font-medium text-slate-700 group-hover:text-brand-700">
          {steps.length + 1}. {t("rectification")}
        </span>
        <span className="num text-xs text-slate-500">
          {t("rectificationClosedRate", { rate: pct(rect.closed, rect.total) })}
        </span>
      </div>
      <div className="mt-1 flex items-baseline gap-1">
        <span className="num text-2xl font-semibold text-slate-900">{integer(rect.total)}</span>
        <span className="text-sm text-slate-500">{t("rectificationItems")}</span>
      </div>
      <div className="mt-2 h-1.5 rounded-full bg-slate-100" role="presentation">
        <div
          className="h-1.5 rounded-full bg-brand-600"
          style={{ width: rect.total ? `${(100 * rect.closed) / rect.total}%` : 0 }}
        />
      </div>
      <p className="mt-2 text-xs text-slate-600">
        {rect.total
          ? t("rectificationDetail", { open: rect.open, replied: rect.replied, closed: rect.closed })
          : t("none")}
      </p>
      {rect.overdue > 0 && (
        <p className="mt-1 text-xs font-semibold text-red-700" data-testid="chain-rectification-overdue">
          {t("rectificationOverdue", { count: rect.overdue })}
        </p>
      )}
    </>
  );
  return (
    <Card title={t("title", { year })} actions={<span className="text-xs text-slate-500">{t("note")}</span>}>
      <ol
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5"
        aria-label={t("title", { year })}
      >
        {steps.map((s) => (
          <li key={s.key} className="rounded-lg border border-slate-200 p-3" data-testid={`chain-${s.key}`}>
            {/* Linked to the list behind it where the role may open that list. */}
            {can(role, s.permission) ? (
              <Link href={s.href} className="group block">
                {body(s)}
              </Link>
            ) : (
              body(s)
            )}
          </li>
        ))}
        <li
          className={`rounded-lg border p-3 ${rect.overdue > 0 ? "border-red-200" : "border-slate-200"}`}
          data-testid="chain-rectification"
        >
          {can(role, "rectification.read") ? (
            <Link
              href={withDistrict(rect.overdue > 0 ? "/rectification?overdue=1" : "/rectification", district)}
              className="group block"
            >
              {rectBody}
            </Link>
          ) : (
            rectBody
          )}
        </li>
      </ol>
    </Card>
  );
}
