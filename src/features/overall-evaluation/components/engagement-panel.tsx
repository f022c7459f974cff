import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { EvaluationStatus } from "@/domain/evaluation";
import type { EngagementSummary } from "../queries";

/** Where the field evaluation stands, in the words of the engagement. */
function stageOf(e: EngagementSummary, status: EvaluationStatus) {
  if (e.acceptedAt || status === "SETTLED") return "accepted" as const;
  if (!e.declaredAt) return "awaitingDeclaration" as const;
  if (status === "SUBMITTED") return "underReview" as const;
  return "inProgress" as const;
}

/**
 * 第三方实地评价: the agency finance engaged, where its work stands and a link to the engagement; or,
 * before one is engaged, what happens next.
 */
export async function EngagementPanel({
  evaluationId,
  status,
  engagement,
  canEngage,
}: {
  evaluationId: string;
  status: EvaluationStatus;
  engagement: EngagementSummary | null;
  canEngage: boolean;
}) {
  const t = await getTranslations("overallEvaluation.field");
  if (!engagement)
    return (
      <div className="space-y-1 text-sm" data-testid="engagement">
        <p className="font-medium text-slate-800">{t("none")}</p>
        {(status === "DRAFT" || status === "RETURNED") && <p className="text-slate-500">{t("afterSelf")}</p>}
        {status === "RECEIVED" && <p className="text-slate-500">{canEngage ? t("hintAdmin") : t("hint")}</p>}
        {canEngage && status === "RECEIVED" && (
          <Link href="/third-party" className="inline-block text-brand-700 hover:underline">
            {t("goEngage")}
          </Link>
        )}
      </div>
    );
  const stage = stageOf(engagement, status);
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="engagement">
      <dt className="text-slate-500">{t("agency")}</dt>
      <dd className="font-medium text-slate-800">{engagement.agencyName}</dd>
      <dt className="text-slate-500">{t("deadline")}</dt>
      <dd className="num text-slate-800">{engagement.deadline}</dd>
      <dt className="text-slate-500">{t("stage")}</dt>
      <dd>
        <Badge tone={stage === "accepted" ? "green" : stage === "awaitingDeclaration" ? "gray" : "purple"}>
          {t(`stages.${stage}`)}
        </Badge>
      </dd>
      <dd className="col-span-2">
        <Link href={`/third-party/${evaluationId}`} className="text-brand-700 hover:underline">
          {t("open")}
        </Link>
      </dd>
    </dl>
  );
}
