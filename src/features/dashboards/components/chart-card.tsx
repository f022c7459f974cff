import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/**
 * A chart in a card, with the same figures as a table behind "查看数据表": the table is what screen
 * readers and printouts get, the chart itself is hidden from assistive technology.
 */
/** The small grey note at a card's top right (units, totals). */
export function CardNote({ children }: { children: ReactNode }) {
  return <span className="text-xs whitespace-nowrap text-slate-500">{children}</span>;
}

export async function ChartCard({
  title,
  note,
  chart,
  table,
  className = "",
}: {
  title: ReactNode;
  note?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  className?: string;
}) {
  const t = await getTranslations("dashboard");
  return (
    <Card title={title} actions={note ? <CardNote>{note}</CardNote> : undefined} className={className}>
      {chart}
      <details className="group mt-3 border-t border-slate-100 pt-3">
        <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:text-brand-800 focus-visible:outline-2 focus-visible:outline-brand-600">
          <span className="group-open:hidden">{t("showTable")}</span>
          <span className="hidden group-open:inline">{t("hideTable")}</span>
        </summary>
        <div className="mt-3">{table}</div>
      </details>
    </Card>
  );
}
