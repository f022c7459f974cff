import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ProjectStage } from "@/server/schema/enums";

// Preparation in neutral and blue, in-year execution in amber, finished evaluation in green.
const TONE: Record<ProjectStage, BadgeTone> = {
  DRAFT: "gray",
  PRE_ASSESSMENT: "purple",
  TARGET_SETTING: "blue",
  BUDGETED: "blue",
  MONITORING: "yellow",
  SELF_EVALUATION: "blue",
  EVALUATED: "green",
  CLOSED: "green",
};

export function StageBadge({ stage }: { stage: ProjectStage }) {
  const t = useTranslations("enums.stage");
  return <Badge tone={TONE[stage]}>{t(stage)}</Badge>;
}
