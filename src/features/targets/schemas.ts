import { z } from "zod";
import { districtParamSchema } from "@/features/districts/schemas";
import { LEVEL1, LEVEL2, OPERATORS, SHEET_STATUSES } from "./levels";

// One schema for the sheet editor and its actions. The indicator rows travel as JSON in one hidden
// field: the sheet is saved as a whole, and a draft may be incomplete (the quality checks run on
// submit, in rules.ts), so rows only need to be well-formed here.

export const indicatorRowSchema = z.object({
  level1: z.enum(LEVEL1),
  level2: z.enum(LEVEL2),
  name: z.string().trim().max(200),
  operator: z.enum(OPERATORS),
  targetValue: z.string().trim().max(200),
  unit: z.string().trim().max(30),
  points: z
    .string()
    .trim()
    .max(6)
    .regex(/^(\d{1,3}(\.\d{1,2})?)?$/, "points"),
  libraryIndicatorId: z.guid().nullable().optional(),
});
export type IndicatorRow = z.output<typeof indicatorRowSchema>;

const json = (v: unknown) => {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
};

export const saveSheetSchema = z.object({
  projectId: z.guid(),
  /** Absent while the project has no sheet yet: saving creates version 1. */
  sheetId: z.preprocess((v) => (v === "" ? undefined : v), z.guid().optional()),
  version: z.coerce.number().int().min(0),
  overallGoal: z.string().trim().max(2000),
  indicators: z.preprocess(json, z.array(indicatorRowSchema).max(60)),
});
export type SaveSheetInput = z.output<typeof saveSheetSchema>;

export const reviewSheetSchema = z
  .object({
    sheetId: z.guid(),
    version: z.coerce.number().int().min(1),
    decision: z.enum(["approve", "return"]),
    comment: z.string().trim().max(1000).default(""),
  })
  // A return tells the unit what to fix: the comment is required then.
  .refine((v) => v.decision === "approve" || v.comment.length > 0, {
    path: ["comment"],
    message: "required",
  });
export type ReviewSheetInput = z.output<typeof reviewSheetSchema>;

export const adjustSheetSchema = z.object({
  sheetId: z.guid(),
  version: z.coerce.number().int().min(1),
});
export type AdjustSheetInput = z.output<typeof adjustSheetSchema>;

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const lenient = <T extends z.ZodType>(schema: T) =>
  z.preprocess(firstValue, schema.optional()).catch(undefined);

export const targetListParamsSchema = z.object({
  year: lenient(z.coerce.number().int().min(2000).max(2100)),
  status: lenient(z.enum([...SHEET_STATUSES, "NONE"])),
  dept: lenient(z.guid()),
  q: lenient(z.string().trim().max(100)),
  district: districtParamSchema,
  page: lenient(z.coerce.number().int().min(1).max(100_000)),
});
export type TargetListParams = z.output<typeof targetListParamsSchema>;

// 从模板导入指标: the filled template for a project's sheet. Reading it changes nothing.
export const readIndicatorFileSchema = z.object({
  projectId: z.guid(),
  file: z
    .instanceof(File, { message: "fileRequired" })
    .refine((f) => f.size > 0, "fileRequired")
    .refine((f) => f.size <= 5 * 1024 * 1024, "fileTooLarge")
    .refine((f) => /\.xlsx$/i.test(f.name), "importNotXlsx"),
});
export type ReadIndicatorFileInput = z.output<typeof readIndicatorFileSchema>;
