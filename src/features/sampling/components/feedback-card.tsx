import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { CurrentUser } from "@/server/session";
import { myFeedback } from "../feedback-queries";

/** For a department's dashboard: the sampling feedback it received; nothing when there is none. */
export async function SamplingFeedbackCard({ user }: { user: CurrentUser }) {
  const rows = await myFeedback(user);
  if (rows.length === 0) return null;
  const t = await getTranslations("sampling");
  const open = rows.filter((r) => !r.acknowledgedAt).length;
  return (
    <Card
      title={t("mineFeedback.title")}
      actions={
        <Link href="/sampling/feedback" className="text-xs text-brand-700 hover:underline">
          {t("mineFeedback.all")}
        </Link>
      }
    >
      {user.role === "DEPT_APPROVER" && open > 0 && (
        <p className="mb-2 text-sm text-amber-800">{t("mineFeedback.toAcknowledge", { count: open })}</p>
      )}
      <ul className="divide-y divide-slate-100 text-sm" data-testid="sampling-feedback-card">
        {rows.slice(0, 5).map((r) => (
          <li key={r.id} className="flex items-center justify-between gap-3 py-2">
            <Link
              href={`/sampling/${r.batchId}/feedback/${r.departmentId}`}
              className="text-brand-700 hover:underline"
            >
              {r.batchName}
            </Link>
            <span className="flex items-center gap-2 text-xs text-slate-500">
              {t("mineFeedback.projectCount", { count: r.projects })}
              {r.acknowledgedAt ? (
                <Badge tone="green">{t("feedback.acknowledged")}</Badge>
              ) : (
                <Badge tone="yellow">{t("feedback.toAcknowledge")}</Badge>
              )}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
