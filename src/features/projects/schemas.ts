import { z } from "zod";
import { AMOUNT_PATTERN, fenToYuanString, MONEY_UNITS, toFen } from "@/domain/money";
import {
  PROJECT_DURATIONS,
  PROJECT_KINDS,
  PROJECT_NOVELTIES,
  PROJECT_STAGES,
  SPECIAL_AREAS,
} from "@/server/schema/enums";

export const PAGE_SIZE = 25;

// The demo's work year is 2021, which evaluates the projects of budget year 2020: the list opens on
// that year when it exists, else on the latest year.
export const DEFAULT_LIST_YEAR = 2020;

export const SORT_KEYS = ["code", "name", "budget", "executed", "rate"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

// URL search params arrive as strings (or arrays when repeated); a bad value falls back to its
// default instead of failing the page, so an edited or stale link still opens.
const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const lenient = <T extends z.ZodType>(schema: T) =>
  z.preprocess(firstValue, schema.optional()).catch(undefined);

export const projectListParamsSchema = z.object({
  q: lenient(
    z
      .string()
      .trim()
      .max(100)
      .transform((v) => v || undefined),
  ),
  year: lenient(z.union([z.literal("all"), z.coerce.number().int().min(2000).max(2100)])),
  dept: lenient(z.guid()),
  district: lenient(z.guid()),
  kind: lenient(z.enum(PROJECT_KINDS)),
  stage: lenient(z.enum(PROJECT_STAGES)),
  sort: lenient(z.enum(SORT_KEYS)),
  dir: lenient(z.enum(["asc", "desc"])),
  page: lenient(z.coerce.number().int().min(1).max(100_000)),
  money: lenient(z.enum(MONEY_UNITS)),
});
export type ProjectListParams = z.output<typeof projectListParamsSchema>;

/** The list's filters once defaults are filled in and out-of-scope choices dropped. */
export type ProjectListFilters = {
  q?: string;
  year: number | "all";
  dept?: string;
  /** A province-level user's chosen district (行政区划); never set for a district user. */
  district?: string;
  kind?: (typeof PROJECT_KINDS)[number];
  stage?: (typeof PROJECT_STAGES)[number];
  sort: SortKey;
  dir: "asc" | "desc";
  page: number;
  money: (typeof MONEY_UNITS)[number];
};

/**
 * Fill the defaults. `years` are the fiscal years that exist; `departmentIds` those in the user's
 * scope (a department filter outside it is ignored, not an error); `districtIds` the districts the
 * user may choose between (none for a district user, whose district filter is ignored).
 */
export function resolveListFilters(
  raw: Record<string, unknown>,
  options: { years: number[]; departmentIds: string[]; districtIds?: string[] },
): ProjectListFilters {
  const p = projectListParamsSchema.parse(raw);
  const fallbackYear = options.years.includes(DEFAULT_LIST_YEAR)
    ? DEFAULT_LIST_YEAR
    : (options.years[0] ?? DEFAULT_LIST_YEAR);
  const year = p.year === "all" || (p.year && options.years.includes(p.year)) ? p.year : fallbackYear;
  return {
    q: p.q,
    year,
    dept: p.dept && options.departmentIds.includes(p.dept) ? p.dept : undefined,
    district: p.district && options.districtIds?.includes(p.district) ? p.district : undefined,
    kind: p.kind,
    stage: p.stage,
    sort: p.sort ?? "code",
    dir: p.dir ?? "asc",
    page: p.page ?? 1,
    money: p.money ?? "wan",
  };
}

// ---- The filing form: one schema for the form and the action. ----

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined || issue.input === "" ? "required" : "invalid"),
  });

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const amount = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .regex(AMOUNT_PATTERN, "amount")
  // Stored as the canonical "1234.50", so an unchanged amount typed as "1234.5" is not a change.
  .transform((v) => fenToYuanString(toFen(v)))
  .refine((v) => toFen(v) > 0n, "amountPositive");

export const projectFieldsSchema = z.object({
  name: z.string({ error: "required" }).trim().min(1, "required").max(200),
  kind: choice(PROJECT_KINDS),
  novelty: choice(PROJECT_NOVELTIES),
  duration: choice(PROJECT_DURATIONS),
  isMajor: checkbox,
  specialArea: choice(SPECIAL_AREAS),
  requestedAmount: amount,
  description: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => v || null),
});

export type ProjectFields = z.output<typeof projectFieldsSchema>;

export const createProjectSchema = projectFieldsSchema.extend({
  year: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number({ error: "required" }).int().min(2000).max(2100),
  ),
});
export type CreateProjectInput = z.output<typeof createProjectSchema>;

// The year is fixed once filed: the code carries it.
export const updateProjectSchema = projectFieldsSchema.extend({
  id: z.guid(),
  version: z.coerce.number().int().min(1),
});
export type UpdateProjectInput = z.output<typeof updateProjectSchema>;

// 批量导入: the filled template, checked (预览) or saved (确认导入). The rows are checked in the service,
// each with projectFieldsSchema, so a file is judged by the same rules as the form.
export const importProjectsSchema = z.object({
  year: z.coerce.number({ error: "required" }).int().min(2000).max(2100),
  intent: z.enum(["preview", "import"]).default("preview"),
  file: z
    .instanceof(File, { message: "fileRequired" })
    .refine((f) => f.size > 0, "fileRequired")
    .refine((f) => f.size <= 5 * 1024 * 1024, "fileTooLarge")
    .refine((f) => /\.xlsx$/i.test(f.name), "importNotXlsx"),
});
export type ImportProjectsInput = z.output<typeof importProjectsSchema>;
