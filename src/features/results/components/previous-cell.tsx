import Link from "next/link";
import { useTranslations } from "next-intl";
import { GradeBadge } from "@/features/self-evaluation/components/grade-badge";
import { Badge } from "@/components/ui/badge";
import { signedPercent } from "./percent";

export type PreviousSummary = {
  grade: "EXCELLENT" | "GOOD" | "PASS" | "FAIL";
  percent: number;
  openItems: number;
  overdueItems: number;
};

/** In next year's project list: last year's grade, the suggested change and open rectification. */
export function PreviousCell({
  projectId,
  value,
}: {
  projectId: string;
  value: PreviousSummary | undefined;
}) {
  const t = useTranslations("rectification");
  if (!value) return <span className="text-slate-400">—</span>;
  return (
    <Link
      href={`/projects/${projectId}`}
      className="flex flex-wrap items-center gap-1"
      data-testid="previous-result"
    >
      <GradeBadge grade={value.grade} />
      <span className="num text-xs text-slate-600">{signedPercent(value.percent)}</span>
      {value.openItems > 0 && (
        <Badge tone={value.overdueItems > 0 ? "red" : "yellow"}>
          {t("projectCard")} {value.openItems}
        </Badge>
      )}
    </Link>
  );
}
