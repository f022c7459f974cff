import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { money, projectsHref, rate } from "../format";
import type { ProjectRateRow } from "../queries";

/** The few projects spending least of their budget: where a department should look first. */
export async function LowestExecution({
  rows,
  year,
  className,
}: {
  rows: ProjectRateRow[];
  year: number;
  className?: string;
}) {
  const [t, tc] = await Promise.all([getTranslations("dashboard"), getTranslations("common")]);
  return (
    <Card
      className={className}
      title={t("lowest.title")}
      actions={
        <ButtonLink href={projectsHref({ year, sort: "rate", dir: "asc" })} variant="ghost" size="sm">
          {t("viewAll")}
        </ButtonLink>
      }
    >
      {rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500">{t("lowest.empty")}</p>
      ) : (
        <ol className="-my-2 divide-y divide-slate-100">
          {rows.map((r) => (
            <li key={r.id} className="flex items-start justify-between gap-3 py-2.5">
              <div className="min-w-0">
                <Link
                  href={`/projects/${r.id}`}
                  className="block truncate text-sm font-medium text-brand-700 hover:underline"
                >
                  {r.name}
                </Link>
                <div className="mt-0.5 truncate text-xs text-slate-500">
                  {r.unitName} · {r.code}
                </div>
              </div>
              <div className="shrink-0 text-right">
                <Badge tone="gray">{rate(r.executed, r.budget)}</Badge>
                <div className="num mt-1 text-xs whitespace-nowrap text-slate-500">
                  {t("lowest.amounts", {
                    executed: money(r.executed, "wan"),
                    budget: money(r.budget, "wan"),
                    unit: tc("unitWan"),
                  })}
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
