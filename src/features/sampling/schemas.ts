import { z } from "zod";
import { AMOUNT_PATTERN, fenToYuanString, toFen } from "@/domain/money";

// One schema per form, shared by the form and its action. Form posts arrive as strings.

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const version = z.coerce.number().int().min(0);
const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const ids = z.preprocess(asList, z.array(z.guid()));

export const MAX_SAMPLE_SIZE = 2000;
export const MAX_GROUPS = 12;

/** Finance draws a batch: the year, the size, the must-include rules, the seed and the groups. */
export const createBatchSchema = z.object({
  year: z.coerce.number({ error: "required" }).int().min(2000).max(2100),
  name: z.string({ error: "required" }).trim().min(1, "required").max(100),
  sampleSize: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: "required" }).int("integer").min(1).max(MAX_SAMPLE_SIZE),
  ),
  // 元; blank: no amount rule.
  minAmount: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(AMOUNT_PATTERN, "amount")
      .transform((v) => fenToYuanString(toFen(v)))
      .optional(),
  ),
  includeLastYearFail: checkbox,
  includeRedWarnings: checkbox,
  seed: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: "required" }).int("integer").min(1).max(2_147_483_647),
  ),
  groupCount: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: "required" }).int("integer").min(1).max(MAX_GROUPS),
  ),
});
export type CreateBatchInput = z.output<typeof createBatchSchema>;

/** Before the batch starts: a group's members and its lead. */
export const setGroupMembersSchema = z.object({
  groupId: z.guid(),
  batchVersion: version,
  leadId: z.guid({ error: "required" }),
  memberIds: ids.pipe(z.array(z.guid()).min(1, "required")),
});
export type SetGroupMembersInput = z.output<typeof setGroupMembersSchema>;

/** Before the batch starts: move a selected project to another group. */
export const moveProjectSchema = z.object({
  batchId: z.guid(),
  batchVersion: version,
  projectId: z.guid(),
  groupId: z.guid({ error: "required" }),
});
export type MoveProjectInput = z.output<typeof moveProjectSchema>;

export const startBatchSchema = z.object({ batchId: z.guid(), batchVersion: version });
export type StartBatchInput = z.output<typeof startBatchSchema>;

export const closeBatchSchema = startBatchSchema;
export type CloseBatchInput = StartBatchInput;

// A score: blank while the reviewer has not scored the line yet; up to two decimals.
export const POINTS_PATTERN = /^\d{1,3}(\.\d{1,2})?$/;

/**
 * A reviewer's sheet: one row per indicator (parallel lists lineId / points / note in the post, turned
 * into lines so an error names its row), the group's overall opinion, and whether to settle now.
 */
export const saveSampledScoresSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const r = raw as Record<string, unknown>;
    const lineIds = asList(r.lineId);
    const points = asList(r.points);
    const notes = asList(r.note);
    return {
      ...r,
      lines: lineIds.map((id, i) => ({ id, points: points[i] ?? "", note: notes[i] ?? "" })),
    };
  },
  z.object({
    evaluationId: z.guid(),
    version: version,
    summary: z.string().trim().max(2000).default(""),
    settle: checkbox,
    lines: z
      .array(
        z.object({
          id: z.guid(),
          points: z
            .string()
            .trim()
            .refine((v) => v === "" || POINTS_PATTERN.test(v), "points"),
          note: z.string().trim().max(1000),
        }),
      )
      .max(200),
  }),
);
export type SaveSampledScoresInput = z.output<typeof saveSampledScoresSchema>;

/** Finance's 反馈意见 to one department: problems and requirements; saved, or published. */
export const saveFeedbackSchema = z.object({
  batchId: z.guid(),
  departmentId: z.guid(),
  // 0 when the department has no feedback yet.
  version,
  problems: z.string().trim().max(5000).default(""),
  requirements: z.string().trim().max(5000).default(""),
  publish: checkbox,
});
export type SaveFeedbackInput = z.output<typeof saveFeedbackSchema>;

export const acknowledgeFeedbackSchema = z.object({ id: z.guid(), version: z.coerce.number().int().min(1) });
export type AcknowledgeFeedbackInput = z.output<typeof acknowledgeFeedbackSchema>;

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** The batch list's year filter: a bad value falls back to the default. */
export const batchListParamsSchema = z.object({
  year: z.preprocess(firstValue, z.coerce.number().int().min(2000).max(2100).optional()).catch(undefined),
});
export const DEFAULT_SAMPLING_YEAR = 2020;
