import { z } from "zod";
import { districtParamSchema } from "@/features/districts/schemas";
import { RECTIFICATION_SOURCES, RECTIFICATION_STATUSES } from "@/domain/rectification";

// One schema per form, shared by the form and its action. Inputs arrive as form strings.

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "date");

/** Raise from one source: exactly one of a finding, a monitoring notice or a sampling feedback. */
export const raiseItemSchema = z
  .object({
    findingId: z.preprocess(blankToUndefined, z.guid().optional()),
    noticeId: z.preprocess(blankToUndefined, z.guid().optional()),
    feedbackId: z.preprocess(blankToUndefined, z.guid().optional()),
    projectId: z.preprocess(blankToUndefined, z.guid().optional()),
    unitId: z.preprocess(blankToUndefined, z.guid().optional()),
    problem: z.string().trim().min(1, "required").max(2000),
    requirement: z.string().trim().min(1, "required").max(2000),
    deadline: isoDate,
  })
  .refine((v) => [v.findingId, v.noticeId, v.feedbackId].filter(Boolean).length === 1, {
    path: ["_form"],
    message: "invalid",
  });
export type RaiseItemInput = z.output<typeof raiseItemSchema>;

export const replyItemSchema = z.object({
  itemId: z.guid(),
  version: z.coerce.number().int().min(1),
  measures: z.string().trim().min(1, "required").max(4000),
});
export type ReplyItemInput = z.output<typeof replyItemSchema>;

export const verifyItemSchema = z
  .object({
    itemId: z.guid(),
    version: z.coerce.number().int().min(1),
    decision: z.enum(["close", "reopen"]),
    comment: z.string().trim().max(2000).default(""),
  })
  .superRefine((v, ctx) => {
    // Reopening tells the department what is still missing.
    if (v.decision === "reopen" && !v.comment)
      ctx.addIssue({ code: "custom", path: ["comment"], message: "reasonRequired" });
  });
export type VerifyItemInput = z.output<typeof verifyItemSchema>;

export const itemListParamsSchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(RECTIFICATION_STATUSES).optional()).catch(undefined),
  source: z.preprocess(blankToUndefined, z.enum(RECTIFICATION_SOURCES).optional()).catch(undefined),
  dept: z.preprocess(blankToUndefined, z.guid().optional()).catch(undefined),
  overdue: z.preprocess(blankToUndefined, z.enum(["1"]).optional()).catch(undefined),
  /** 行政区划 of a province-level user (checked against the districts by districtReader). */
  district: districtParamSchema,
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
export type ItemListParams = z.output<typeof itemListParamsSchema>;
