import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { EvaluationStatus } from "@/domain/evaluation";
import type { OverallType } from "../flow";

const TONE: Partial<Record<EvaluationStatus, BadgeTone>> = {
  DRAFT: "gray",
  RETURNED: "red",
  RECEIVED: "blue",
  SCORING: "purple",
  SUBMITTED: "yellow",
  SETTLED: "green",
};

export const typeNs = (type: OverallType) => (type === "DEPT_OVERALL" ? "dept" : "township");

/** The status in the type's own words (a department's RECEIVED reads 待实地评价 …). */
export function OverallStatusBadge({
  type,
  status,
  testId,
}: {
  type: OverallType;
  status: EvaluationStatus;
  testId?: string;
}) {
  const t = useTranslations(`overallEvaluation.${typeNs(type)}.status`);
  return (
    <span data-testid={testId}>
      <Badge tone={TONE[status] ?? "gray"}>{t(status)}</Badge>
    </span>
  );
}
