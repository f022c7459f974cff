import type { EvaluationStatus } from "@/domain/evaluation";

// 财政重点评价 flow: created in SCORING; the assigned reviewers score, the lead submits (SUBMITTED);
// finance returns it with a reason (RETURNED, scored again) or approves it (SETTLED).
export const KEY_STATUSES = [
  "SCORING",
  "SUBMITTED",
  "RETURNED",
  "SETTLED",
] as const satisfies readonly EvaluationStatus[];
export type KeyStatus = (typeof KEY_STATUSES)[number];

/** The statuses in which the assigned reviewers may still change the sheet. */
export const KEY_EDITABLE: readonly EvaluationStatus[] = ["SCORING", "RETURNED"];
