import { z } from "zod";
import { districtParamSchema } from "@/features/districts/schemas";
import { GRADES } from "@/domain/evaluation";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const saveApplicationSchema = z
  .object({
    projectId: z.guid(),
    version: z.coerce.number().int().min(0),
    adjustedPercent: z.preprocess(
      blankToUndefined,
      z.coerce.number().int("integer").min(-100).max(100).optional(),
    ),
    adjustReason: z.string().trim().max(1000).default(""),
    accountability: z.string().trim().max(2000).default(""),
    disclosed: z.preprocess((v) => v === "on" || v === true, z.boolean()),
  })
  .superRefine((v, ctx) => {
    // A suggestion changed by hand says why.
    if (v.adjustedPercent !== undefined && !v.adjustReason)
      ctx.addIssue({ code: "custom", path: ["adjustReason"], message: "reasonRequired" });
  });
export type SaveApplicationInput = z.output<typeof saveApplicationSchema>;

export const resultListParamsSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  dept: z.preprocess(blankToUndefined, z.guid().optional()).catch(undefined),
  grade: z.preprocess(blankToUndefined, z.enum(GRADES).optional()).catch(undefined),
  /** 行政区划 of a province-level user (checked against the districts by districtReader). */
  district: districtParamSchema,
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
