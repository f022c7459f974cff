import { z } from "zod";
import { belongsTo, LEVEL1, LEVEL2, OPERATORS } from "@/features/targets/levels";

// One schema for the library form and its actions.
export const libraryIndicatorSchema = z
  .object({
    id: z.preprocess((v) => (v === "" ? undefined : v), z.guid().optional()),
    version: z.coerce.number().int().min(0).default(0),
    sector: z.string({ error: "required" }).trim().min(1, "required").max(40),
    level1: z.enum(LEVEL1, { error: "required" }),
    level2: z.enum(LEVEL2, { error: "required" }),
    name: z.string({ error: "required" }).trim().min(1, "required").max(200),
    operator: z.enum(OPERATORS, { error: "required" }),
    unit: z.string().trim().max(30).default(""),
    targetHint: z.string().trim().max(200).default(""),
    description: z.string().trim().max(1000).default(""),
    active: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  })
  .refine((v) => belongsTo(v.level1, v.level2), { path: ["level2"], message: "invalid" })
  // A quantitative indicator is measured in something.
  .refine((v) => v.operator === "QUALITATIVE" || v.unit.length > 0, { path: ["unit"], message: "required" });
export type LibraryIndicatorInput = z.output<typeof libraryIndicatorSchema>;

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const lenient = <T extends z.ZodType>(schema: T) =>
  z.preprocess(firstValue, schema.optional()).catch(undefined);

export const libraryListParamsSchema = z.object({
  q: lenient(z.string().trim().max(100)),
  sector: lenient(z.string().trim().max(40)),
  level1: lenient(z.enum(LEVEL1)),
  level2: lenient(z.enum(LEVEL2)),
  active: lenient(z.enum(["all", "active", "inactive"])),
  page: lenient(z.coerce.number().int().min(1).max(10_000)),
});
export type LibraryListParams = z.output<typeof libraryListParamsSchema>;
