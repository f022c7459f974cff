import "server-only";
import { openItemsOfProjects } from "@/features/rectification/queries";
import { can } from "@/server/permissions";
import type { CurrentUser } from "@/server/session";
import type { PreviousSummary } from "./components/previous-cell";
import { previousResults } from "./queries";

/** For a page of next-year projects: last year's grade, suggested change and open rectification. */
export async function previousSummaries(user: CurrentUser, projectIds: string[]) {
  const out = new Map<string, PreviousSummary>();
  if (!can(user.role, "results.read")) return out;
  const previous = await previousResults(user, projectIds);
  if (previous.size === 0) return out;
  const items = can(user.role, "rectification.read")
    ? await openItemsOfProjects(
        user,
        [...previous.values()].map((p) => p.projectId),
      )
    : [];
  for (const [id, p] of previous) {
    const mine = items.filter((i) => i.projectId === p.projectId);
    out.set(id, {
      grade: p.grade,
      percent: p.percent,
      openItems: mine.length,
      overdueItems: mine.filter((i) => i.overdue).length,
    });
  }
  return out;
}
