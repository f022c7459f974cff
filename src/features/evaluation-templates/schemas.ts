import { z } from "zod";
import { POINTS_PATTERN } from "@/features/sampling/schemas";

// The template editor posts its lines as parallel lists in order (level1 / level2 / name / maxPoints /
// guide); they are gathered into `lines` before validation, so errors are keyed lines.<i>.<field>.
const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function gatherLines(raw: unknown) {
  if (!raw || typeof raw !== "object") return raw;
  const r = raw as Record<string, unknown>;
  const level1 = asList(r.level1);
  const level2 = asList(r.level2);
  const name = asList(r.name);
  const maxPoints = asList(r.maxPoints);
  const guide = asList(r.guide);
  return {
    ...r,
    lines: level1.map((l1, i) => ({
      level1: l1,
      level2: level2[i] ?? "",
      name: name[i] ?? "",
      maxPoints: maxPoints[i] ?? "",
      guide: guide[i] ?? "",
    })),
  };
}

export const templateLine = z.object({
  level1: z.string().trim().min(1, "required"),
  level2: z.string().trim().min(1, "required").max(60),
  name: z.string().trim().min(1, "required").max(200),
  maxPoints: z.string().trim().min(1, "required").regex(POINTS_PATTERN, "points"),
  guide: z.string().trim().max(1000),
});

/** Finance saves a template's lines as a whole, at the version it loaded. */
export const saveTemplateSchema = z.preprocess(
  gatherLines,
  z.object({
    templateId: z.guid(),
    version: z.coerce.number().int().min(1),
    lines: z.array(templateLine).max(100),
  }),
);
export type SaveTemplateInput = z.output<typeof saveTemplateSchema>;
export type TemplateLineInput = z.output<typeof templateLine>;

export const templateListParamsSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
