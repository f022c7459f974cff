import { z } from "zod";
import { districtParamSchema } from "@/features/districts/schemas";
import { EVALUATION_STATUSES } from "@/domain/evaluation";
import { checkbox, findingsList, sheetLines, version, withSheetLists } from "@/features/evaluations/schemas";
import { RATING_CRITERIA, type RatingCriterion } from "@/features/agencies/rules";
import { FEE_WAN_PATTERN, wanToYuan } from "./rules";

// One schema per form of 第三方评价, shared by the form and its action. Posts arrive as strings.

const required = (max: number) => z.string().trim().min(1, "required").max(max);
const asList = (v: unknown): unknown[] => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

/** Finance engages an agency: for a project, or for a department-wide evaluation awaiting its field work. */
export const engageSchema = z
  .object({
    target: z.enum(["PROJECT", "DEPT_OVERALL"]).default("PROJECT"),
    projectId: z.preprocess((v) => (v === "" ? undefined : v), z.guid().optional()),
    evaluationId: z.preprocess((v) => (v === "" ? undefined : v), z.guid().optional()),
    agencyId: z.guid({ error: "required" }),
    // 万元 as typed, stored in 元.
    fee: z
      .string({ error: "required" })
      .trim()
      .min(1, "required")
      .regex(FEE_WAN_PATTERN, "feeWan")
      .transform(wanToYuan),
    deadline: z.iso.date({ error: "required" }),
    scope: required(2000),
  })
  .superRefine((v, ctx) => {
    if (v.target === "PROJECT" && !v.projectId)
      ctx.addIssue({ code: "custom", path: ["projectId"], message: "required" });
    if (v.target === "DEPT_OVERALL" && !v.evaluationId)
      ctx.addIssue({ code: "custom", path: ["evaluationId"], message: "required" });
  });
export type EngageInput = z.output<typeof engageSchema>;

/** The agency names its team and declares, for them, no conflict of interest. */
export const declareSchema = z.object({
  evaluationId: z.guid(),
  version,
  staffIds: z.preprocess(asList, z.array(z.guid()).min(1, "teamRequired").max(30)),
  declaration: required(2000),
  confirm: checkbox.refine((v) => v, "confirmRequired"),
});
export type DeclareInput = z.output<typeof declareSchema>;

/** The agency's score sheet, report (评价报告) and findings; `submit` hands it to finance. */
export const reportSchema = z.preprocess(
  withSheetLists,
  z.object({
    evaluationId: z.guid(),
    version,
    lines: sheetLines,
    summary: z.string().trim().max(20000).default(""),
    findings: findingsList,
    submit: checkbox,
  }),
);
export type ReportInput = z.output<typeof reportSchema>;

/** Finance's quality review: return with its reasons, or accept. */
export const reviewSchema = z
  .object({
    evaluationId: z.guid(),
    version,
    decision: z.enum(["RETURN", "ACCEPT"]),
    comment: z.string().trim().max(2000).default(""),
  })
  .refine((v) => v.decision === "ACCEPT" || v.comment.length > 0, {
    path: ["comment"],
    message: "returnReason",
  });
export type ReviewInput = z.output<typeof reviewSchema>;

const criterion = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .regex(/^\d{1,3}(\.\d{1,2})?$/, "ratingPoints")
    .transform(Number)
    .refine((n) => n <= max, { message: "ratingOverMax" });

/** 机构评价: points per criterion of RATING_CRITERIA and a comment. */
export const rateSchema = z.object({
  evaluationId: z.guid(),
  ...(Object.fromEntries(Object.entries(RATING_CRITERIA).map(([k, max]) => [k, criterion(max)])) as Record<
    RatingCriterion,
    ReturnType<typeof criterion>
  >),
  comment: z.string().trim().max(1000).default(""),
});
export type RateInput = z.output<typeof rateSchema>;

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const lenient = <T extends z.ZodType>(schema: T) =>
  z.preprocess(firstValue, schema.optional()).catch(undefined);
export const listParamsSchema = z.object({
  year: lenient(z.coerce.number().int().min(2000).max(2100)),
  status: lenient(z.enum(EVALUATION_STATUSES)),
  agency: lenient(z.guid()),
  dept: lenient(z.guid()),
  q: lenient(z.string().trim().max(100)),
  district: districtParamSchema,
  page: lenient(z.coerce.number().int().min(1).max(10_000)),
});
