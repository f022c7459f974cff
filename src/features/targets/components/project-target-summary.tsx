import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { can } from "@/server/permissions";
import type { CurrentUser } from "@/server/session";
import { projectSheetSummary } from "../queries";
import { SheetStatusBadge } from "./status-badge";

/** For the project page: the current target sheet's version, status and points, and a link to it. */
export async function ProjectTargetSummary({ user, projectId }: { user: CurrentUser; projectId: string }) {
  if (!can(user.role, "targets.read")) return null;
  const [summary, t] = await Promise.all([
    projectSheetSummary(user, projectId),
    getTranslations("targets.summary"),
  ]);
  return (
    <Card
      title={t("title")}
      actions={
        <Link href={`/targets/${projectId}`} className="text-sm text-brand-700 hover:underline">
          {t("open")}
        </Link>
      }
    >
      {summary ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <SheetStatusBadge status={summary.status} />
          <span className="num">
            {t("line", {
              version: summary.version_no,
              count: summary.n,
              points: String(Number(summary.points)),
            })}
          </span>
        </p>
      ) : (
        <p className="text-sm text-slate-500">{t("none")}</p>
      )}
    </Card>
  );
}
