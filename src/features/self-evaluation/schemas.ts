import { z } from "zod";
import { districtParamSchema } from "@/features/districts/schemas";
import { AMOUNT_PATTERN } from "@/domain/money";
import { SELF_STATUSES } from "./flow";

// One schema for the self-evaluation form and its actions. Lines travel as JSON in one hidden field
// (the sheet is saved as a whole); a draft may be incomplete, submit checks completeness.

const POINTS = /^(\d{1,3}(\.\d{1,2})?)?$/;

export const scoreLineSchema = z.object({
  id: z.guid(),
  actualValue: z.string().trim().max(200),
  points: z.string().trim().max(6).regex(POINTS, "points"),
  note: z.string().trim().max(1000),
});
export type ScoreLineInput = z.output<typeof scoreLineSchema>;

const json = (v: unknown) => {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
};
const amount = z
  .string()
  .trim()
  .max(20)
  .refine((v) => v === "" || AMOUNT_PATTERN.test(v.replace(/,/g, "")), "amount")
  .transform((v) => v.replace(/,/g, ""));

export const saveEvaluationSchema = z.object({
  evaluationId: z.guid(),
  version: z.coerce.number().int().min(1),
  budgetTotal: amount,
  executedTotal: amount,
  summary: z.string().trim().max(4000),
  improvement: z.string().trim().max(4000),
  lines: z.preprocess(json, z.array(scoreLineSchema).max(80)),
});
export type SaveEvaluationInput = z.output<typeof saveEvaluationSchema>;

export const reviewEvaluationSchema = z
  .object({
    evaluationId: z.guid(),
    version: z.coerce.number().int().min(1),
    decision: z.enum(["approve", "return"]),
    comment: z.string().trim().max(1000).default(""),
  })
  // A return tells the unit what to fix: the comment is required then.
  .refine((v) => v.decision === "approve" || v.comment.length > 0, {
    path: ["comment"],
    message: "returnComment",
  });
export type ReviewEvaluationInput = z.output<typeof reviewEvaluationSchema>;

export const openRoundSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  dueDate: z.iso.date(),
});
export type OpenRoundInput = z.output<typeof openRoundSchema>;

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const lenient = <T extends z.ZodType>(schema: T) =>
  z.preprocess(firstValue, schema.optional()).catch(undefined);

export const evaluationListParamsSchema = z.object({
  year: lenient(z.coerce.number().int().min(2000).max(2100)),
  status: lenient(z.enum([...SELF_STATUSES, "NONE"])),
  grade: lenient(z.enum(["EXCELLENT", "GOOD", "PASS", "FAIL"])),
  dept: lenient(z.guid()),
  q: lenient(z.string().trim().max(100)),
  district: districtParamSchema,
  page: lenient(z.coerce.number().int().min(1).max(100_000)),
});
export type EvaluationListParams = z.output<typeof evaluationListParamsSchema>;
