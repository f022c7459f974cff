import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { EvaluationStatus } from "@/domain/evaluation";

const TONE: Partial<Record<EvaluationStatus, BadgeTone>> = {
  SCORING: "blue",
  SUBMITTED: "yellow",
  RETURNED: "red",
  SETTLED: "green",
};

/** 评价中 / 待审核 / 已退回 / 已完成. */
export function KeyStatusBadge({ status }: { status: EvaluationStatus }) {
  const t = useTranslations("keyEvaluation.status");
  return <Badge tone={TONE[status] ?? "gray"}>{t.has(status) ? t(status) : status}</Badge>;
}
