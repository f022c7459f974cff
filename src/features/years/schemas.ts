import { z } from "zod";
import { AMOUNT_PATTERN } from "@/domain/money";

// One schema for the year-settings form and its action. Inputs arrive as form strings; blank reads as
// missing (a "required" message), anything else must be a whole number in range.
const int = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : Number(v)),
    z.number().int("integer").min(min).max(max),
  );

const percent = () => int(0, 100);

// Thousands separators and spaces are accepted as typed ("3,000,000").
const amount = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[,\s，]/g, "") : v),
  z.string().min(1, "required").regex(AMOUNT_PATTERN, "amount"),
);

export const WEIGHT_FIELDS = [
  "weightOutput",
  "weightBenefit",
  "weightSatisfaction",
  "weightExecution",
] as const;
export const GRADE_FIELDS = ["gradeExcellent", "gradeGood", "gradePass"] as const;
export const WARNING_FIELDS = ["warningRed", "warningYellow", "indicatorDeviation"] as const;
export const SUGGESTION_FIELDS = [
  "suggestionExcellent",
  "suggestionGood",
  "suggestionPass",
  "suggestionFail",
] as const;

/** 督考 criterion weights, in the order of ASSESSMENT_CRITERIA (src/domain/assessment.ts). */
export const ASSESS_FIELDS = [
  "assessTargetsOnTime",
  "assessSelfOnTime",
  "assessCoverage",
  "assessTargetQuality",
  "assessScoreGap",
  "assessNotices",
  "assessRectification",
] as const;

export const yearSettingsSchema = z
  .object({
    year: int(2000, 2100),
    version: int(1, 2_147_483_647),
    preAssessmentThreshold: amount,
    weightOutput: percent(),
    weightBenefit: percent(),
    weightSatisfaction: percent(),
    weightExecution: percent(),
    gradeExcellent: percent(),
    gradeGood: percent(),
    gradePass: percent(),
    warningRed: percent(),
    warningYellow: percent(),
    indicatorDeviation: percent(),
    suggestionExcellent: int(-100, 100),
    suggestionGood: int(-100, 100),
    suggestionPass: int(-100, 100),
    suggestionFail: int(-100, 100),
    assessTargetsOnTime: percent(),
    assessSelfOnTime: percent(),
    assessCoverage: percent(),
    assessTargetQuality: percent(),
    assessScoreGap: percent(),
    assessNotices: percent(),
    assessRectification: percent(),
    targetDueMonth: int(1, 12),
    passwordMaxAgeDays: int(1, 365),
  })
  .superRefine((v, ctx) => {
    // Cross-field rules put their message on the field (or group) the user has to change.
    const weights = v.weightOutput + v.weightBenefit + v.weightSatisfaction + v.weightExecution;
    if (weights !== 100) ctx.addIssue({ code: "custom", path: ["weights"], message: "weightsSum" });
    if (v.gradeGood >= v.gradeExcellent)
      ctx.addIssue({ code: "custom", path: ["gradeGood"], message: "gradeGoodBelowExcellent" });
    if (v.gradePass >= v.gradeGood)
      ctx.addIssue({ code: "custom", path: ["gradePass"], message: "gradePassBelowGood" });
    if (v.warningYellow <= v.warningRed)
      ctx.addIssue({ code: "custom", path: ["warningYellow"], message: "warningYellowAboveRed" });
    const s = [v.suggestionExcellent, v.suggestionGood, v.suggestionPass, v.suggestionFail];
    if (s.some((x, i) => i > 0 && x > s[i - 1]!))
      ctx.addIssue({ code: "custom", path: ["suggestions"], message: "suggestionOrder" });
    const assess = ASSESS_FIELDS.reduce((sum, f) => sum + v[f], 0);
    if (assess !== 100)
      ctx.addIssue({ code: "custom", path: ["assessWeights"], message: "assessWeightsSum" });
  });

export type YearSettingsInput = z.output<typeof yearSettingsSchema>;

/** The editable fields, in form order: everything but the year and the version. */
export const SETTINGS_FIELDS = [
  "preAssessmentThreshold",
  ...WEIGHT_FIELDS,
  ...GRADE_FIELDS,
  ...WARNING_FIELDS,
  ...SUGGESTION_FIELDS,
  ...ASSESS_FIELDS,
  "targetDueMonth",
  "passwordMaxAgeDays",
] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

/** Finance opens the year after the last one (the year the page offered). */
export const createYearSchema = z.object({ year: int(2000, 2100) });
export type CreateYearInput = z.output<typeof createYearSchema>;
