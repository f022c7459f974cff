import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { EvaluationStatus } from "@/domain/evaluation";

const TONE: Partial<Record<EvaluationStatus | "NONE", BadgeTone>> = {
  NONE: "gray",
  DRAFT: "gray",
  SUBMITTED: "blue",
  DEPT_APPROVED: "purple",
  RECEIVED: "green",
  RETURNED: "red",
};

export function SelfStatusBadge({ status, testId }: { status: EvaluationStatus | null; testId?: string }) {
  const t = useTranslations("selfEvaluation.status");
  return (
    <span data-testid={testId}>
      <Badge tone={TONE[status ?? "NONE"] ?? "gray"}>{t(status ?? "NONE")}</Badge>
    </span>
  );
}
