import { z } from "zod";
import { districtParamSchema } from "@/features/districts/schemas";
import { KEY_STATUSES } from "./flow";
import { checkbox, findingsList, sheetLines, version, withSheetLists } from "@/features/evaluations/schemas";

const asList = (v: unknown): unknown[] => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

export const KEY_PAGE_SIZE = 20;

export const keyListParamsSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: z.enum(KEY_STATUSES).optional().catch(undefined),
  dept: z.guid().optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  district: districtParamSchema,
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

/** Finance picks projects of a year, the reviewers (one of them leads) and the 完成时限. */
export const createKeySchema = z
  .object({
    year: z.coerce.number({ error: "required" }).int().min(2000).max(2100),
    projectIds: z.preprocess(asList, z.array(z.guid()).min(1, "pickProject").max(30)),
    reviewerIds: z.preprocess(asList, z.array(z.guid()).min(1, "pickReviewer").max(10)),
    leadId: z.preprocess(blank, z.guid({ error: "pickLead" })),
    dueDate: z.string({ error: "required" }).trim().regex(DATE, "date"),
  })
  .superRefine((v, ctx) => {
    if (!v.reviewerIds.includes(v.leadId))
      ctx.addIssue({ code: "custom", path: ["leadId"], message: "leadNotReviewer" });
  });
export type CreateKeyInput = z.output<typeof createKeySchema>;

/** A reviewer saves the sheet, findings and summary; `submit` (the lead only) sends it to finance. */
export const saveKeySheetSchema = z.preprocess(
  withSheetLists,
  z.object({
    evaluationId: z.guid(),
    version,
    summary: z.string().trim().max(5000).default(""),
    submit: checkbox,
    lines: sheetLines,
    findings: findingsList,
  }),
);
export type SaveKeySheetInput = z.output<typeof saveKeySheetSchema>;

/** Finance returns the submitted evaluation with a reason, or approves it. */
export const reviewKeySchema = z
  .object({
    evaluationId: z.guid(),
    version,
    decision: z.enum(["RETURN", "APPROVE"]),
    reason: z.string().trim().max(2000).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "RETURN" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "returnComment" });
  });
export type ReviewKeyInput = z.output<typeof reviewKeySchema>;
