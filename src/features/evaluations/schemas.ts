import { z } from "zod";
import { POINTS_PATTERN } from "@/features/sampling/schemas";

// Pieces of the forms built on the shared score sheet: the posted lines (lineId / points / note in
// order) and findings (findingId / problem / requirement / findingDue in order). Each module's own
// schema spreads these into its object and runs `withSheetLists` first.

const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
export const version = z.coerce.number().int().min(0);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Gather the repeated fields of a sheet form into `lines` and `findings` before validation. */
export function withSheetLists(raw: unknown) {
  if (!raw || typeof raw !== "object") return raw;
  const r = raw as Record<string, unknown>;
  const lineIds = asList(r.lineId);
  const points = asList(r.points);
  const notes = asList(r.note);
  const out: Record<string, unknown> = {
    ...r,
    lines: lineIds.map((id, i) => ({ id, points: points[i] ?? "", note: notes[i] ?? "" })),
  };
  if (r.findingId !== undefined) {
    const fIds = asList(r.findingId);
    const problems = asList(r.problem);
    const reqs = asList(r.requirement);
    const dues = asList(r.findingDue);
    out.findings = fIds.map((id, i) => ({
      id,
      problem: problems[i] ?? "",
      requirement: reqs[i] ?? "",
      dueDate: dues[i] ?? "",
    }));
  }
  return out;
}

export const sheetLines = z
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
  .max(200);

/** A finding needs its problem; the requirement and 整改期限 may follow. Blank rows are dropped. */
export const findingsList = z
  .array(
    z.object({
      id: z.union([z.literal(""), z.guid()]).transform((v) => v || undefined),
      problem: z.string().trim().max(2000),
      requirement: z.string().trim().max(2000),
      dueDate: z
        .string()
        .trim()
        .refine((v) => v === "" || DATE.test(v), "date")
        .transform((v) => v || null),
    }),
  )
  .max(50)
  .default([])
  .superRefine((rows, ctx) => {
    rows.forEach((r, i) => {
      if (!r.problem && (r.requirement || r.dueDate))
        ctx.addIssue({ code: "custom", path: [i, "problem"], message: "required" });
    });
  })
  .transform((rows) => rows.filter((r) => r.problem));
