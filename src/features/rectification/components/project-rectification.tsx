import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { eq } from "drizzle-orm";
import { Card } from "@/components/ui/card";
import { db } from "@/server/db";
import { can } from "@/server/permissions";
import { projects } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { openItemsOfProjects } from "../queries";
import { Deadline, OverdueFlag, RectificationStatusBadge } from "./badges";

/** For the project page: rectification items not yet closed, of this project and of last year's. */
export async function ProjectRectification({ user, projectId }: { user: CurrentUser; projectId: string }) {
  if (!can(user.role, "rectification.read")) return null;
  const [p] = await db
    .select({ predecessorId: projects.predecessorId })
    .from(projects)
    .where(eq(projects.id, projectId));
  const ids = [projectId, ...(p?.predecessorId ? [p.predecessorId] : [])];
  const [items, t] = await Promise.all([openItemsOfProjects(user, ids), getTranslations("rectification")]);
  if (items.length === 0) return null;
  const lastYear = items.filter((i) => i.projectId !== projectId).length;
  return (
    <Card title={t("projectCard")}>
      {lastYear > 0 && (
        <p className="mb-2 text-sm text-slate-600">{t("lastYearOpen", { count: lastYear })}</p>
      )}
      <ul className="space-y-2 text-sm" data-testid="project-rectification">
        {items.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center gap-2">
            <RectificationStatusBadge status={i.status} />
            <OverdueFlag overdue={i.overdue} />
            <Link href={`/rectification/${i.id}`} className="text-brand-700 hover:underline">
              {i.problem.length > 60 ? `${i.problem.slice(0, 60)}…` : i.problem}
            </Link>
            <Deadline date={i.deadline} overdue={i.overdue} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
