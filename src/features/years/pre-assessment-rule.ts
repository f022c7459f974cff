import { sql, type SQL } from "drizzle-orm";
import { toFen } from "@/domain/money";
import { fiscalYears, projects } from "@/server/schema";
import type { ProjectKind } from "@/server/schema/enums";

// SPEC §3: a project needs 事前评估 when it is (新增 or 重大) and its 申报数 reaches the year's
// threshold, and every 政府投资项目 needs one. The threshold is a year setting, so the rule reads it
// from fiscal_years at query time: changing the setting changes the flags at once.

export type PreAssessmentFacts = {
  kind: ProjectKind;
  novelty: "NEW" | "CONTINUING";
  isMajor: boolean;
  requestedAmount: string;
};

export function needsPreAssessment(p: PreAssessmentFacts, threshold: string): boolean {
  if (p.kind === "GOV_INVESTMENT") return true;
  return (p.novelty === "NEW" || p.isMajor) && toFen(p.requestedAmount) >= toFen(threshold);
}

/** The same rule as a condition on `projects`, for counts in SQL. */
export function needsPreAssessmentSql(): SQL {
  return sql`(${projects.kind} = 'GOV_INVESTMENT' or ((${projects.novelty} = 'NEW' or ${projects.isMajor}) and ${projects.requestedAmount} >= (select ${fiscalYears.preAssessmentThreshold} from ${fiscalYears} where ${fiscalYears.year} = ${projects.year})))`;
}
