import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { SheetStatus } from "../levels";

const TONE: Record<SheetStatus | "NONE", BadgeTone> = {
  NONE: "gray",
  DRAFT: "gray",
  SUBMITTED: "blue",
  DEPT_APPROVED: "purple",
  APPROVED: "green",
  RETURNED: "red",
};

export function SheetStatusBadge({ status, testId }: { status: SheetStatus | null; testId?: string }) {
  const t = useTranslations("targets.status");
  return (
    <span data-testid={testId}>
      <Badge tone={TONE[status ?? "NONE"]}>{t(status ?? "NONE")}</Badge>
    </span>
  );
}
