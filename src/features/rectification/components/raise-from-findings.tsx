import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { asc, eq } from "drizzle-orm";
import { Card } from "@/components/ui/card";
import { db } from "@/server/db";
import { can } from "@/server/permissions";
import { evaluationFindings } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { itemsOfSource } from "../queries";
import { Deadline, OverdueFlag, RectificationStatusBadge } from "./badges";

/**
 * For any evaluation page (sampled, key, third-party, department-wide, township): its findings, each
 * with a link to raise a rectification item from it (finance), and the items already raised (anyone
 * who may read them). One line to plug in: <RaiseFromFindings user={user} evaluationId={id} />.
 */
export async function RaiseFromFindings({ user, evaluationId }: { user: CurrentUser; evaluationId: string }) {
  if (!can(user.role, "rectification.read") && !can(user.role, "rectification.raise")) return null;
  const [findings, items, t] = await Promise.all([
    db
      .select({
        id: evaluationFindings.id,
        problem: evaluationFindings.problem,
        requirement: evaluationFindings.requirement,
        dueDate: evaluationFindings.dueDate,
      })
      .from(evaluationFindings)
      .where(eq(evaluationFindings.evaluationId, evaluationId))
      .orderBy(asc(evaluationFindings.sortOrder)),
    itemsOfSource(user, [evaluationId]),
    getTranslations("rectification"),
  ]);
  const raise = can(user.role, "rectification.raise");
  return (
    <Card title={t("findings")}>
      {findings.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noFindings")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {findings.map((f) => {
            const raised = items.filter((i) => i.findingId === f.id);
            return (
              <li key={f.id} className="py-3 text-sm">
                <p className="font-medium text-slate-800">{f.problem}</p>
                {f.requirement && <p className="mt-1 text-slate-600">{f.requirement}</p>}
                <div className="mt-2 flex flex-wrap items-center gap-2">
                  {raised.map((i) => (
                    <Link
                      key={i.id}
                      href={`/rectification/${i.id}`}
                      className="inline-flex items-center gap-1"
                    >
                      <RectificationStatusBadge status={i.status} />
                      <OverdueFlag overdue={i.overdue} />
                      <Deadline date={i.deadline} overdue={i.overdue} />
                    </Link>
                  ))}
                  {raise && (
                    <Link
                      href={`/rectification/new?findingId=${f.id}`}
                      className="text-sm text-brand-700 hover:underline"
                    >
                      {t("raiseFromFinding")}
                    </Link>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
