import { z } from "zod";
import { AUDIT_ACTIONS } from "@/server/audit";
import { AUDIT_RESULTS } from "@/server/schema/enums";

const day = z
  .union([z.literal(""), z.iso.date()])
  .catch("")
  .default("");

// The audit log's filters, read from the URL. Unknown values fall back to "no filter"; only a date
// range that ends before it starts is reported (validation.dateRange on the end date).
export const auditFilterSchema = z
  .object({
    user: z.string().trim().max(64).catch("").default(""),
    action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
    result: z.enum(AUDIT_RESULTS).optional().catch(undefined),
    from: day,
    to: day,
    entity: z.string().trim().max(64).catch("").default(""),
    page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: "custom", message: "dateRange", path: ["to"] });
  });
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** The filter as search parameters (for links to other pages and to the export), without empty ones. */
export function filterParams(f: AuditFilter, page?: number): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ["user", "action", "result", "from", "to", "entity"] as const) {
    const v = f[key];
    if (v) p.set(key, v);
  }
  if (page && page > 1) p.set("page", String(page));
  return p;
}
