import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { integer, money, projectsHref } from "../format";
import type { DraftRow } from "../queries";

/** 待办: the latest year's project applications still at the filing stage. */
export async function DraftsTodo({
  data,
  className,
}: {
  data: { year: number | null; total: number; rows: DraftRow[] };
  className?: string;
}) {
  const [t, tc, format] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("common"),
    getFormatter(),
  ]);
  return (
    <Card
      className={className}
      title={
        <span className="flex items-center gap-2">
          {t("todo.title")}
          <Badge tone={data.total > 0 ? "blue" : "gray"}>{integer(data.total)}</Badge>
        </span>
      }
      actions={
        data.year !== null && data.total > data.rows.length ? (
          <ButtonLink href={projectsHref({ year: data.year, stage: "DRAFT" })} variant="ghost" size="sm">
            {t("viewAll")}
          </ButtonLink>
        ) : undefined
      }
    >
      <p className="mb-2 text-xs text-slate-500">
        {data.year === null ? t("todo.noYear") : t("todo.drafts", { year: data.year })}
      </p>
      {data.rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500">{t("todo.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={t("todo.drafts", { year: data.year ?? "" })}>
          {data.rows.map((r) => (
            <li key={r.id} className="flex items-start justify-between gap-3 py-2.5">
              <div className="min-w-0">
                <Link
                  href={`/projects/${r.id}`}
                  className="block truncate text-sm font-medium text-brand-700 hover:underline"
                >
                  {r.name}
                </Link>
                <div className="mt-0.5 truncate text-xs text-slate-500">
                  {r.unitName} · {r.code} ·{" "}
                  {t("todo.updated", { date: format.dateTime(r.updatedAt, { dateStyle: "medium" }) })}
                </div>
              </div>
              <div className="num shrink-0 text-right text-xs whitespace-nowrap text-slate-600">
                {t("columns.requested")} {money(r.requested, "wan")} {tc("unitWan")}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
