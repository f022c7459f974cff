import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { can } from "@/server/permissions";
import type { CurrentUser } from "@/server/session";
import { withDistrict } from "@/features/dashboards/format";
import { itemCounts } from "../queries";

/**
 * At the top of a dashboard: the user's rectification items, with the overdue ones called out in red
 * first (a department with overdue items sees them before anything else).
 */
export async function DashboardRectification({ user, district }: { user: CurrentUser; district?: string }) {
  if (!can(user.role, "rectification.read")) return null;
  const [c, t] = await Promise.all([itemCounts(user), getTranslations("rectification")]);
  if (c.open + c.replied + c.overdue === 0) return null;
  // A department is asked to report; finance and leaders are told how many are late.
  const answers = user.role === "DEPT_APPROVER" || user.role === "DEPT_FILER";
  return (
    <div className="mb-5" data-testid="dashboard-rectification">
      <Alert tone={c.overdue > 0 ? "error" : "info"}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <span>
            <span className="font-semibold">{t("dashboardLabel")}</span>
            {c.overdue > 0 && (
              <span className="mr-2 font-semibold">
                {t(answers ? "dashboardOverdue" : "dashboardOverdueOthers", { count: c.overdue })}
              </span>
            )}
            {t("dashboardCounts", { open: c.open, replied: c.replied })}
          </span>
          <Link
            href={withDistrict(c.overdue > 0 ? "/rectification?overdue=1" : "/rectification", district)}
            className="font-medium underline"
          >
            {t("dashboardLink")}
          </Link>
        </div>
      </Alert>
    </div>
  );
}
