import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { ActionContext } from "@/server/action-client";
import { AppError } from "@/server/errors";
import { annualSummaryPlans, fiscalYears } from "@/server/schema";
import { creatingDistrictId, districtActScope } from "@/server/scope";
import type { SaveSummaryPlanInput } from "./schemas";

/**
 * Write section 三 (next year's plan) of a work year's summary of the writer's district (the
 * province's own for a province-level administrator). The first save inserts at version 1;
 * later saves update only the version the writer opened, so two writers never overwrite each other.
 */
export async function saveSummaryPlan(
  input: SaveSummaryPlanInput,
  { tx, user, audit }: Pick<ActionContext, "tx" | "user" | "audit">,
): Promise<{ workYear: number; version: number }> {
  const { workYear, version, plan } = input;
  // A work year follows a budget year that exists (2021 reports on 2020).
  const [budgetYear] = await tx
    .select({ year: fiscalYears.year })
    .from(fiscalYears)
    .where(eq(fiscalYears.year, workYear - 1));
  if (!budgetYear) throw new AppError("NOT_FOUND");
  const districtId = creatingDistrictId(user);
  const ours = and(eq(annualSummaryPlans.workYear, workYear), districtActScope(user, annualSummaryPlans.districtId));
  const [before] = await tx
    .select({ plan: annualSummaryPlans.plan, version: annualSummaryPlans.version })
    .from(annualSummaryPlans)
    .where(ours);
  if ((before?.version ?? 0) !== version) throw new AppError("CONFLICT");
  const [after] =
    version === 0
      ? await tx
          .insert(annualSummaryPlans)
          .values({ workYear, districtId, plan, updatedBy: user.id })
          .onConflictDoNothing()
          .returning({ version: annualSummaryPlans.version })
      : await tx
          .update(annualSummaryPlans)
          .set({ plan, updatedBy: user.id, updatedAt: new Date(), version: sql`${annualSummaryPlans.version} + 1` })
          .where(and(ours, eq(annualSummaryPlans.version, version)))
          .returning({ version: annualSummaryPlans.version });
  // Someone saved between our read and our write.
  if (!after) throw new AppError("CONFLICT");
  await audit({
    action: "annualSummary.planSaved",
    entityType: "annualSummary",
    entityId: String(workYear),
    changes: { plan: [before?.plan ?? "", plan], version: [version, after.version] },
  });
  return { workYear, version: after.version };
}
