import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { EvaluationStatus } from "@/domain/evaluation";

const TONE: Partial<Record<EvaluationStatus, BadgeTone>> = {
  DRAFT: "gray",
  RECEIVED: "gray",
  SCORING: "blue",
  SUBMITTED: "purple",
  RETURNED: "red",
  SETTLED: "green",
};

/** An engagement's status in 第三方评价's words (待机构声明, 评价中, 待质量审核, 退回修改, 已验收). */
export function EngagementStatusBadge({ status }: { status: EvaluationStatus }) {
  const t = useTranslations("thirdParty.status");
  return <Badge tone={TONE[status] ?? "gray"}>{t(status)}</Badge>;
}

/** 已逾期 / 剩 n 天 beside a deadline. */
export function DeadlineNote({ overdue, days }: { overdue: boolean; days: number }) {
  const t = useTranslations("thirdParty");
  if (overdue) return <Badge tone="red">{t("overdue", { days: -days })}</Badge>;
  if (days <= 14 && days >= 0) return <Badge tone="yellow">{t("daysLeft", { days })}</Badge>;
  return null;
}
