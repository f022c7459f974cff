import { z } from "zod";
import { districtParamSchema } from "@/features/districts/schemas";
import { GUID_PATTERN } from "./guid";
import { checkbox, findingsList, sheetLines, version, withSheetLists } from "@/features/evaluations/schemas";

// One schema per form: the page's forms post these fields and the actions parse them.

const text = (max: number) => z.string().trim().max(max).default("");

export const openOverallSchema = z.object({
  orgId: z.string().regex(GUID_PATTERN, "required"),
  year: z.coerce.number().int().min(2000).max(2100),
  dueDate: z.iso.date(),
});
export type OpenOverallInput = z.output<typeof openOverallSchema>;

/** The subject's own points and notes, its report and (department-wide) 预算执行情况说明. */
export const saveSelfSchema = z.preprocess(
  withSheetLists,
  z.object({
    evaluationId: z.guid(),
    version,
    lines: sheetLines,
    selfReport: text(8000),
    improvement: text(8000),
    submit: checkbox,
  }),
);
export type SaveSelfInput = z.output<typeof saveSelfSchema>;

export const returnSchema = z.object({
  evaluationId: z.guid(),
  version,
  comment: z.string().trim().min(1, "returnComment").max(2000),
});
export type ReturnInput = z.output<typeof returnSchema>;

/** Finance's scoring of a township: points, notes, findings and its 评价意见; `submit` settles it. */
export const scoreTownshipSchema = z.preprocess(
  withSheetLists,
  z.object({
    evaluationId: z.guid(),
    version,
    lines: sheetLines,
    findings: findingsList,
    summary: text(8000),
    submit: checkbox,
  }),
);
export type ScoreTownshipInput = z.output<typeof scoreTownshipSchema>;

export const opinionSchema = z.object({
  evaluationId: z.guid(),
  body: z.string().trim().min(1, "required").max(4000),
});
export type OpinionInput = z.output<typeof opinionSchema>;

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const lenient = <T extends z.ZodType>(schema: T) =>
  z.preprocess(firstValue, schema.optional()).catch(undefined);

export const overallListParamsSchema = z.object({
  year: lenient(z.coerce.number().int().min(2000).max(2100)),
  status: lenient(z.enum(["DRAFT", "RETURNED", "RECEIVED", "SCORING", "SUBMITTED", "SETTLED"])),
  org: lenient(z.guid()),
  district: districtParamSchema,
  page: lenient(z.coerce.number().int().min(1).max(100_000)),
});
export type OverallListParams = z.output<typeof overallListParamsSchema>;
