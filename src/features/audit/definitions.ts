import "server-only";
import { z } from "zod";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import { verifyAuditChain, type ChainReport } from "./chain";

// Apart from the "use server" file so tests can run the action with runAction.
export const verifyChainSchema = z.object({});

export const verifyChainDef = {
  name: "verifyAuditChain",
  permission: "audit.read",
  schema: verifyChainSchema,
} satisfies ActionDefinition<typeof verifyChainSchema>;

/** Walk the hash chain; the check and its outcome are themselves audited. */
export async function verifyChainRun(_input: unknown, ctx: ActionContext): Promise<ChainReport> {
  const report = await verifyAuditChain(ctx.tx);
  await ctx.audit({
    action: "audit.verified",
    entityType: "audit_log",
    entityId: report.ok ? undefined : String(report.brokenAt),
    result: report.ok ? "SUCCESS" : "FAILURE",
    changes: report.ok ? { rows: report.rows } : { rows: report.rows, reason: report.reason },
  });
  return report;
}
