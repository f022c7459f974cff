import { z } from "zod";
import { districtParamSchema } from "@/features/districts/schemas";
import { AMOUNT_PATTERN } from "@/domain/money";
import { DEVIATION_REASONS, LIKELIHOODS, NOTICE_KINDS, SCOPE_RULES, WARNING_COLOURS } from "./constants";

// One schema per form, shared by the form and its action. Inputs arrive as form strings.

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const amount = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[,\s，]/g, "") : v),
  z.string().min(1, "required").regex(AMOUNT_PATTERN, "amount"),
);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "date");
const list = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

export const openRoundSchema = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    name: z.string().trim().min(1, "required").max(100),
    periodMonths: z.coerce.number().int("integer").min(1).max(12),
    dueDate: isoDate,
    scopeRule: z.enum(SCOPE_RULES),
    minAmount: z.preprocess(blankToUndefined, amount.optional()),
    departmentIds: z.preprocess(list, z.array(z.guid()).max(300)),
  })
  .superRefine((v, ctx) => {
    if (v.scopeRule === "MIN_AMOUNT" && !v.minAmount)
      ctx.addIssue({ code: "custom", path: ["minAmount"], message: "required" });
    if (v.scopeRule === "DEPARTMENTS" && v.departmentIds.length === 0)
      ctx.addIssue({ code: "custom", path: ["departmentIds"], message: "pickDepartment" });
  });
export type OpenRoundInput = z.output<typeof openRoundSchema>;

const json = (v: unknown) => {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
};

export const saveReportSchema = z.object({
  reportId: z.guid(),
  version: z.coerce.number().int().min(1),
  intent: z.enum(["save", "submit"]).default("save"),
  executedCurrent: amount,
  executedCarryover: amount,
  executedOther: amount,
  executedReason: z.string().trim().max(1000).default(""),
  likelihood: z.preprocess(blankToUndefined, z.enum(LIKELIHOODS).optional()),
  deviationReasons: z.preprocess(list, z.array(z.enum(DEVIATION_REASONS)).max(5)),
  deviationNote: z.string().trim().max(2000).default(""),
  measures: z.string().trim().max(2000).default(""),
  /** Indicator id → progress to date, as typed. */
  progress: z.preprocess(json, z.record(z.guid(), z.string().trim().max(200))),
});
// A draft may be incomplete: what a submit needs (likelihood, every indicator's progress, an "other"
// reason explained) is checked by the service, so every missing field is reported at once.
export type SaveReportInput = z.output<typeof saveReportSchema>;

export const reviewReportSchema = z
  .object({
    reportId: z.guid(),
    version: z.coerce.number().int().min(1),
    decision: z.enum(["approve", "return"]),
    comment: z.string().trim().max(1000).default(""),
  })
  .refine((v) => v.decision === "approve" || v.comment.length > 0, {
    path: ["comment"],
    message: "required",
  });
export type ReviewReportInput = z.output<typeof reviewReportSchema>;

export const issueNoticeSchema = z
  .object({
    reportId: z.guid(),
    kind: z.enum(NOTICE_KINDS),
    content: z.string().trim().min(1, "required").max(2000),
    dueDate: z.preprocess(blankToUndefined, isoDate.optional()),
  })
  .superRefine((v, ctx) => {
    // A correction notice says by when it must be done.
    if (v.kind === "CORRECTION" && !v.dueDate)
      ctx.addIssue({ code: "custom", path: ["dueDate"], message: "required" });
  });
export type IssueNoticeInput = z.output<typeof issueNoticeSchema>;

export const answerNoticeSchema = z.object({
  noticeId: z.guid(),
  version: z.coerce.number().int().min(1),
  reply: z.string().trim().min(1, "required").max(2000),
});
export type AnswerNoticeInput = z.output<typeof answerNoticeSchema>;

export const closeNoticeSchema = z
  .object({
    noticeId: z.guid(),
    version: z.coerce.number().int().min(1),
    decision: z.enum(["close", "reopen"]),
    note: z.string().trim().max(1000).default(""),
  })
  .refine((v) => v.decision === "close" || v.note.length > 0, { path: ["note"], message: "required" });
export type CloseNoticeInput = z.output<typeof closeNoticeSchema>;

export const importPaymentsSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  intent: z.enum(["preview", "import"]).default("preview"),
  file: z
    .instanceof(File, { message: "fileRequired" })
    .refine((f) => f.size > 0, "fileRequired")
    .refine((f) => f.size <= 5 * 1024 * 1024, "fileTooLarge")
    .refine((f) => /\.(xlsx|csv)$/i.test(f.name), "fileType"),
});
export type ImportPaymentsInput = z.output<typeof importPaymentsSchema>;

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const lenient = <T extends z.ZodType>(schema: T) =>
  z.preprocess(firstValue, schema.optional()).catch(undefined);

export const warningListParamsSchema = z.object({
  round: lenient(z.guid()),
  colour: lenient(z.enum(WARNING_COLOURS)),
  dept: lenient(z.guid()),
  flagged: lenient(z.enum(["1"])),
  q: lenient(z.string().trim().max(100)),
  district: districtParamSchema,
  page: lenient(z.coerce.number().int().min(1).max(100_000)),
});
export type WarningListParams = z.output<typeof warningListParamsSchema>;
