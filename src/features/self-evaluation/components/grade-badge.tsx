import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Grade } from "@/domain/evaluation";

const TONE: Record<Grade, BadgeTone> = { EXCELLENT: "green", GOOD: "blue", PASS: "yellow", FAIL: "red" };

/** 优 / 良 / 中 / 差, with a tone that also reads in grey-scale by its text. */
export function GradeBadge({ grade }: { grade: Grade | null }) {
  const t = useTranslations("enums.grade");
  if (!grade) return <span className="text-slate-400">—</span>;
  return <Badge tone={TONE[grade]}>{t(grade)}</Badge>;
}
