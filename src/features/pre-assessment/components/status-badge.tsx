import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PreAssessmentStatus } from "@/server/schema/pre-assessment";

const TONES: Record<PreAssessmentStatus | "MISSING", BadgeTone> = {
  MISSING: "yellow",
  DRAFT: "gray",
  SUBMITTED: "blue",
  DEPT_APPROVED: "blue",
  RETURNED: "red",
  FINANCE_REVIEWING: "purple",
  IN_EXPERT_REVIEW: "purple",
  CONCLUDED: "green",
};

export function PreStatusBadge({ status }: { status: PreAssessmentStatus | null }) {
  const t = useTranslations("preAssessment.status");
  const key = status ?? "MISSING";
  return <Badge tone={TONES[key]}>{t(key)}</Badge>;
}
