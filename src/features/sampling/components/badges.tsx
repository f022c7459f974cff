import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { EvaluationStatus, Grade } from "@/domain/evaluation";
import type { SamplingBatchStatus, SelectionReason } from "@/server/schema/sampling";

const REASON_TONE: Record<SelectionReason, BadgeTone> = {
  LARGE_AMOUNT: "purple",
  LAST_YEAR_FAIL: "red",
  RED_WARNING: "red",
  RANDOM: "gray",
};

export function ReasonBadge({ reason }: { reason: SelectionReason }) {
  const t = useTranslations("sampling.reason");
  return <Badge tone={REASON_TONE[reason]}>{t(reason)}</Badge>;
}

const BATCH_TONE: Record<SamplingBatchStatus, BadgeTone> = {
  DRAFT: "yellow",
  STARTED: "blue",
  CLOSED: "green",
};

export function BatchStatusBadge({ status }: { status: SamplingBatchStatus }) {
  const t = useTranslations("sampling.batchStatus");
  return <Badge tone={BATCH_TONE[status]}>{t(status)}</Badge>;
}

/** Where a sampled project stands: not started (no sheet yet), scoring, settled. */
export function SheetStatusBadge({ status }: { status: EvaluationStatus | null }) {
  const t = useTranslations("sampling.status");
  if (status === "SETTLED") return <Badge tone="green">{t("SETTLED")}</Badge>;
  if (status === "SCORING") return <Badge tone="blue">{t("SCORING")}</Badge>;
  return <Badge tone="gray">{t("DRAFT")}</Badge>;
}

const GRADE_TONE: Record<Grade, BadgeTone> = {
  EXCELLENT: "green",
  GOOD: "blue",
  PASS: "yellow",
  FAIL: "red",
};

export function GradeBadge({ grade }: { grade: Grade | null }) {
  const t = useTranslations("sampling.grade");
  if (!grade) return <span className="text-slate-400">—</span>;
  return <Badge tone={GRADE_TONE[grade]}>{t(grade)}</Badge>;
}
