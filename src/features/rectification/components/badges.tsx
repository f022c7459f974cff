import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { RectificationStatus } from "@/domain/rectification";

const TONE: Record<RectificationStatus, BadgeTone> = { OPEN: "yellow", REPLIED: "blue", CLOSED: "green" };

export function RectificationStatusBadge({ status }: { status: RectificationStatus }) {
  const t = useTranslations("rectification.status");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}

/** The red flag of an overdue item: shown wherever items show. */
export function OverdueFlag({ overdue }: { overdue: boolean }) {
  const t = useTranslations("rectification");
  if (!overdue) return null;
  return (
    <span data-testid="overdue-flag">
      <Badge tone="red">{t("overdue")}</Badge>
    </span>
  );
}

/** A deadline, in red when the item is overdue. */
export function Deadline({ date, overdue }: { date: string; overdue: boolean }) {
  return (
    <span className={`num whitespace-nowrap ${overdue ? "font-semibold text-red-700" : ""}`}>{date}</span>
  );
}
