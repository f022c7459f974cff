import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { integer, rate } from "../format";
import type { WarningRow } from "../work-queries";

/** 监控预警: the year's red and yellow projects, red first; the word says the colour (grey print). */
export async function WarningProjects({
  data,
  year,
  className = "",
}: {
  data: { rows: WarningRow[]; red: number; yellow: number };
  year: number;
  className?: string;
}) {
  const t = await getTranslations("dashboard.work.warnings");
  const total = data.red + data.yellow;
  return (
    <Card
      className={className}
      title={t("title", { year })}
      actions={
        total > 0 ? (
          <span className="flex gap-1.5">
            <Badge tone="red">{t("redCount", { count: integer(data.red) })}</Badge>
            <Badge tone="yellow">{t("yellowCount", { count: integer(data.yellow) })}</Badge>
          </span>
        ) : undefined
      }
    >
      <div data-testid="warning-projects">
        {total === 0 ? (
          <div className="py-6 text-center">
            <p className="text-sm font-medium text-slate-700">{t("empty")}</p>
            <p className="mt-1 text-sm text-slate-500">{t("emptyBody")}</p>
          </div>
        ) : (
          <>
            <p className="mb-1 text-xs text-slate-500">{t("note")}</p>
            <ul className="divide-y divide-slate-100">
              {data.rows.map((r) => (
                <li key={r.reportId} className="flex items-start justify-between gap-3 py-2.5">
                  <div className="min-w-0">
                    <Link
                      href={`/monitoring/reports/${r.reportId}`}
                      className="block truncate text-sm font-medium text-brand-700 hover:underline"
                    >
                      {r.name}
                    </Link>
                    <div className="mt-0.5 truncate text-xs text-slate-500">
                      {r.unitName} · <span className="num">{r.code}</span> · {r.roundName}
                    </div>
                  </div>
                  <div className="flex shrink-0 flex-col items-end gap-1">
                    <Badge tone={r.colour === "RED" ? "red" : "yellow"}>
                      {r.colour === "RED" ? t("red") : t("yellow")}
                    </Badge>
                    <span className="num text-xs text-slate-600">
                      {t("rate", { rate: rate(r.executed, r.budget) })}
                    </span>
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Card>
  );
}
