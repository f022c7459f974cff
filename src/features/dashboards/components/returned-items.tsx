import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { ReturnedRow } from "../work-queries";
import { CardNote } from "./chart-card";

const KIND_KEY = {
  TARGETS: "TARGETS",
  SELF: "SELF",
  PRE_ASSESSMENT: "PRE_ASSESSMENT",
  MONITORING: "MONITORING",
} as const;

/** 退回事项: what finance or the department sent back, newest first, with the reason given. */
export async function ReturnedItems({
  data,
  className = "",
}: {
  data: { rows: ReturnedRow[]; total: number };
  className?: string;
}) {
  const [t, tk] = await Promise.all([
    getTranslations("dashboard.work.returned"),
    getTranslations("dashboard.work.todos.kinds"),
  ]);
  return (
    <Card
      className={className}
      title={
        <span className="flex items-center gap-2">
          {t("title")}
          <Badge tone={data.total > 0 ? "yellow" : "gray"}>{data.total}</Badge>
        </span>
      }
      actions={data.total > 0 ? <CardNote>{t("note")}</CardNote> : undefined}
    >
      <div data-testid="returned-items">
        {data.rows.length === 0 ? (
          <div className="py-6 text-center">
            <p className="text-sm font-medium text-slate-700">{t("empty")}</p>
            <p className="mt-1 text-sm text-slate-500">{t("emptyBody")}</p>
          </div>
        ) : (
          <ul className="divide-y divide-slate-100">
            {data.rows.map((r) => (
              <li key={`${r.kind}:${r.id}`} className="py-2.5">
                <div className="flex items-start justify-between gap-3">
                  <Link
                    href={r.href}
                    className="min-w-0 truncate text-sm font-medium text-brand-700 hover:underline"
                  >
                    {r.projectName}
                  </Link>
                  <Badge tone="yellow">{tk(KIND_KEY[r.kind])}</Badge>
                </div>
                <div className="mt-0.5 text-xs text-slate-500">
                  {r.unitName} · <span className="num">{r.code}</span>
                  {r.returnedAt && <> · {t("returnedAt", { date: r.returnedAt.slice(0, 10) })}</>}
                </div>
                <p className="mt-1 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
                  {r.reason ? t("reason", { reason: r.reason }) : t("noReason")}
                </p>
              </li>
            ))}
          </ul>
        )}
        {data.total > data.rows.length && (
          <p className="mt-2 text-xs text-slate-500">{t("more", { count: data.total })}</p>
        )}
      </div>
    </Card>
  );
}
