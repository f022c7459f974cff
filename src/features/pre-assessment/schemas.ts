import { z } from "zod";
import { districtParamSchema } from "@/features/districts/schemas";
import { AMOUNT_PATTERN, fenToYuanString, toFen } from "@/domain/money";
import { PRE_ASSESSMENT_CONCLUSIONS, PRE_ASSESSMENT_STATUSES } from "@/server/schema/pre-assessment";
import { DIMENSION_MAX } from "./rules";

// One schema per form, shared by the form and its action. Form posts arrive as strings.

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const score = z.preprocess(
  blankToUndefined,
  z.coerce.number({ error: "invalid" }).int("integer").min(0).max(DIMENSION_MAX).optional(),
);
const requiredScore = z.preprocess(
  blankToUndefined,
  z.coerce.number({ error: "required" }).int("integer").min(0).max(DIMENSION_MAX),
);
const narrative = z
  .string()
  .trim()
  .max(2000)
  .optional()
  .transform((v) => v || null);
const version = z.coerce.number().int().min(0);
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const ids = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.guid()));

/** The unit's draft: any dimension may still be blank; submit checks completeness. */
export const savePreAssessmentSchema = z.object({
  projectId: z.guid(),
  // 0 when no pre-assessment exists yet.
  version,
  necessityScore: score,
  necessityText: narrative,
  economyScore: score,
  economyText: narrative,
  targetsScore: score,
  targetsText: narrative,
  feasibilityScore: score,
  feasibilityText: narrative,
  complianceScore: score,
  complianceText: narrative,
  submit: checkbox,
});
export type SavePreAssessmentInput = z.output<typeof savePreAssessmentSchema>;

export const reviewDecisionSchema = z.object({
  id: z.guid(),
  version,
  decision: z.enum(["approve", "return"], { error: "required" }),
  comment: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .transform((v) => v || null),
});
export type ReviewDecisionInput = z.output<typeof reviewDecisionSchema>;

export const createExpertGroupSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  name: z.string({ error: "required" }).trim().min(1, "required").max(100),
  leadExpertId: z.guid({ error: "required" }),
  expertIds: ids.pipe(z.array(z.guid()).min(1, "required")),
  projectIds: ids.pipe(z.array(z.guid()).min(1, "required")),
});
export type CreateExpertGroupInput = z.output<typeof createExpertGroupSchema>;

export const expertReviewSchema = z.object({
  projectId: z.guid(),
  version,
  necessityScore: requiredScore,
  economyScore: requiredScore,
  targetsScore: requiredScore,
  feasibilityScore: requiredScore,
  complianceScore: requiredScore,
  opinion: z.string({ error: "required" }).trim().min(1, "required").max(2000),
  submit: checkbox,
});
export type ExpertReviewInput = z.output<typeof expertReviewSchema>;

export const concludeSchema = z.object({
  id: z.guid(),
  version,
  conclusion: z.enum(PRE_ASSESSMENT_CONCLUSIONS, { error: "required" }),
  recommendedAmount: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(AMOUNT_PATTERN, "amount")
      .transform((v) => fenToYuanString(toFen(v)))
      .optional(),
  ),
  note: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .transform((v) => v || null),
  override: checkbox,
});
export type ConcludeInput = z.output<typeof concludeSchema>;

export const markBudgetedSchema = z.object({ projectId: z.guid(), version: z.coerce.number().int().min(1) });
export type MarkBudgetedInput = z.output<typeof markBudgetedSchema>;

// ---- The year list's URL filters: a bad value falls back to its default. ----
export const LIST_STATUSES = ["MISSING", ...PRE_ASSESSMENT_STATUSES] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];
export const PRE_LIST_PAGE_SIZE = 50;
export const DEFAULT_PRE_YEAR = 2022;

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const lenient = <T extends z.ZodType>(schema: T) =>
  z.preprocess(firstValue, schema.optional()).catch(undefined);

export const preListParamsSchema = z.object({
  year: lenient(z.coerce.number().int().min(2000).max(2100)),
  dept: lenient(z.guid()),
  status: lenient(z.enum(LIST_STATUSES)),
  district: districtParamSchema,
  page: lenient(z.coerce.number().int().min(1).max(10_000)),
});
/** `district`: 行政区划 picked by a province-level user, carried in links (the reader is narrowed to it). */
export type PreListFilters = {
  year: number;
  dept?: string;
  status?: ListStatus;
  district?: string;
  page: number;
};
