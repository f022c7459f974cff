import { useTranslations } from "next-intl";
import { StatCard } from "@/components/ui/card";
import { inUnit } from "@/domain/money";
import { formatRate } from "@/features/projects/format";

/**
 * 预算执行情况: the department's 全年预算数 and 执行数 over its projects of the year (万元) and the
 * execution rate, evaluated together with its self-evaluation.
 */
export function ExecutionFigures({
  execution,
}: {
  execution: { projects: number; budget: string; executed: string };
}) {
  const t = useTranslations("overallEvaluation.execution");
  const tc = useTranslations("common");
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="execution">
      <StatCard label={t("projects")} value={execution.projects} />
      <StatCard label={t("budget")} value={inUnit(execution.budget, "wan", 2)} unit={tc("unitWan")} />
      <StatCard label={t("executed")} value={inUnit(execution.executed, "wan", 2)} unit={tc("unitWan")} />
      <StatCard label={t("rate")} value={formatRate(execution.executed, execution.budget)} />
    </div>
  );
}
