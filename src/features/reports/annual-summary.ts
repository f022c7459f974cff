import "server-only";
import { getTranslations } from "next-intl/server";
import { defaultDashboardYear } from "@/features/dashboards/queries";
import type { CurrentUser } from "@/server/session";
import { summaryBlocks, type Block } from "./annual-summary-document";
import { annualSummary, annualSummaryPlan, summaryYearOptions, type AnnualSummary, type PlanText } from "./annual-summary-queries";

export type LoadedSummary = { data: AnnualSummary; plan: PlanText; blocks: Block[] };

/** The work year from ?year=: one that follows an existing budget year, else the latest such year. */
export async function resolveWorkYear(raw: string | string[] | undefined) {
  const [years, evaluated] = await Promise.all([summaryYearOptions(), defaultDashboardYear()]);
  const asked = Number(Array.isArray(raw) ? raw[0] : raw);
  // Without a year, the work year evaluating the latest budget year that reached evaluation.
  const fallback = evaluated !== null ? evaluated + 1 : (years.at(-1) ?? null);
  return { year: years.includes(asked) ? asked : fallback, years };
}

/**
 * The summary of a work year of the reader's district, in the reader's language, as data and as the
 * document's blocks.
 */
export async function loadSummary(
  user: Pick<CurrentUser, "districtId" | "provinceWide">,
  workYear: number,
): Promise<LoadedSummary> {
  const [data, plan, t] = await Promise.all([
    annualSummary(user, workYear),
    annualSummaryPlan(user, workYear),
    getTranslations("reports.summary"),
  ]);
  return { data, plan, blocks: summaryBlocks(data, plan.plan, (k, v) => t(k, v)) };
}
