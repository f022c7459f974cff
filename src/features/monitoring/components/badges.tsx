import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { NoticeStatus, ReportStatus, WarningColour } from "../constants";

const STATUS_TONE: Record<ReportStatus, BadgeTone> = {
  NOT_FILED: "gray",
  DRAFT: "gray",
  SUBMITTED: "blue",
  DEPT_APPROVED: "purple",
  APPROVED: "green",
  RETURNED: "red",
};

export function ReportStatusBadge({ status, testId }: { status: ReportStatus; testId?: string }) {
  const t = useTranslations("monitoring.status");
  return (
    <span data-testid={testId}>
      <Badge tone={STATUS_TONE[status]}>{t(status)}</Badge>
    </span>
  );
}

const COLOUR_TONE: Record<WarningColour, BadgeTone> = { RED: "red", YELLOW: "yellow", GREEN: "green" };
const DOT: Record<WarningColour, string> = {
  RED: "bg-red-500",
  YELLOW: "bg-amber-400",
  GREEN: "bg-emerald-500",
};

/** A warning colour with its name (never colour alone), or a dash when there is none. */
export function ColourBadge({ colour, testId }: { colour: WarningColour | null; testId?: string }) {
  const t = useTranslations("monitoring.colour");
  if (!colour) return <span className="text-slate-400">—</span>;
  return (
    <span data-testid={testId}>
      <Badge tone={COLOUR_TONE[colour]}>
        <span aria-hidden="true" className={`mr-1 inline-block size-2 rounded-full ${DOT[colour]}`} />
        {t(colour)}
      </Badge>
    </span>
  );
}

const NOTICE_TONE: Record<NoticeStatus, BadgeTone> = { OPEN: "yellow", ANSWERED: "blue", CLOSED: "green" };

export function NoticeStatusBadge({ status }: { status: NoticeStatus }) {
  const t = useTranslations("monitoring.noticeStatus");
  return <Badge tone={NOTICE_TONE[status]}>{t(status)}</Badge>;
}
