import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { AgencyStatus } from "@/server/schema/agencies";

const TONE: Record<AgencyStatus, BadgeTone> = { ACTIVE: "green", SUSPENDED: "yellow", BLACKLISTED: "red" };

export function AgencyStatusBadge({ status }: { status: AgencyStatus }) {
  const t = useTranslations("agencies.status");
  return (
    <span data-testid="agency-status">
      <Badge tone={TONE[status]}>{t(status)}</Badge>
    </span>
  );
}
