import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/server/permissions";
import type { CurrentUser } from "@/server/session";
import { itemsOfSource } from "../queries";
import { Deadline, OverdueFlag, RectificationStatusBadge } from "./badges";

/**
 * The items raised from one source record (a sampling feedback, a monitoring notice) and, for finance,
 * the link to raise another: `/rectification/new?<param>=<id>`.
 */
export async function SourceItems({
  user,
  sourceId,
  param,
  compact = false,
}: {
  user: CurrentUser;
  sourceId: string;
  param: "feedbackId" | "noticeId";
  compact?: boolean;
}) {
  if (!can(user.role, "rectification.read")) return null;
  const [items, t] = await Promise.all([itemsOfSource(user, [sourceId]), getTranslations("rectification")]);
  const raise = can(user.role, "rectification.raise");
  if (compact && items.length === 0 && !raise) return null;
  return (
    <div className="space-y-2 text-sm" data-testid={`rectification-${param}`}>
      {!compact && <h3 className="font-semibold text-slate-800">{t("fromSources")}</h3>}
      {items.length === 0 && !compact && <p className="text-slate-500">{t("noneRaised")}</p>}
      {items.length > 0 && (
        <ul className="space-y-1">
          {items.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center gap-2">
              <RectificationStatusBadge status={i.status} />
              <OverdueFlag overdue={i.overdue} />
              <Link href={`/rectification/${i.id}`} className="text-brand-700 hover:underline">
                {i.problem.length > 50 ? `${i.problem.slice(0, 50)}…` : i.problem}
              </Link>
              <Deadline date={i.deadline} overdue={i.overdue} />
            </li>
          ))}
        </ul>
      )}
      {raise && (
        <Link
          href={`/rectification/new?${param}=${sourceId}`}
          className="inline-block font-medium text-brand-700 hover:underline"
        >
          {param === "feedbackId" ? t("raiseFromFeedback") : t("raiseFromNotice")}
        </Link>
      )}
    </div>
  );
}
