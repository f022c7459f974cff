import { z } from "zod";

const int = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : Number(v)),
    z.number().int("integer").min(min).max(max),
  );

/** Section 三 of a work year's summary: the text, and the version the form was opened at (0: none yet). */
export const saveSummaryPlanSchema = z.object({
  workYear: int(2000, 2100),
  version: int(0, 2_147_483_647),
  plan: z.preprocess((v) => (typeof v === "string" ? v.replace(/\r\n/g, "\n").trim() : v), z.string().max(20_000)),
});
export type SaveSummaryPlanInput = z.output<typeof saveSummaryPlanSchema>;
