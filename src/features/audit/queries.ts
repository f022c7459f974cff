import "server-only";
import { and, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/server/db";
import { can } from "@/server/permissions";
import { auditLog } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import type { AuditFilter } from "./schemas";

export const AUDIT_PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The start of a calendar day in Asia/Shanghai (UTC+8, no daylight saving), as an instant. */
export function shanghaiDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function auditConditions(f: AuditFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (f.user) {
    const pattern = likePattern(f.user);
    // Failed sign-ins under an unknown name have no actor; the name tried is kept in the changes.
    conditions.push(
      or(ilike(auditLog.actorUsername, pattern), sql`${auditLog.changes}->>'username' ilike ${pattern}`),
    );
  }
  if (f.action) conditions.push(eq(auditLog.action, f.action));
  if (f.result) conditions.push(eq(auditLog.result, f.result));
  if (f.from) conditions.push(gte(auditLog.at, shanghaiDayStart(f.from)));
  if (f.to) conditions.push(lt(auditLog.at, new Date(shanghaiDayStart(f.to).getTime() + DAY_MS)));
  if (f.entity) conditions.push(eq(auditLog.entityId, f.entity));
  return and(...conditions);
}

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actorUsername: auditLog.actorUsername,
  actorRole: auditLog.actorRole,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  result: auditLog.result,
  changes: auditLog.changes,
  ip: auditLog.ip,
  userAgent: auditLog.userAgent,
};

/** One page of the audit log, newest first. Null for anyone but the audit administrator. */
export async function listAuditLog(user: CurrentUser, filter: AuditFilter) {
  if (!can(user.role, "audit.read")) return null;
  const where = auditConditions(filter);
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filter.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: total?.n ?? 0, pageSize: AUDIT_PAGE_SIZE };
}
export type AuditListRow = NonNullable<Awaited<ReturnType<typeof listAuditLog>>>["rows"][number];

/**
 * A batch of the filtered log for the export, newest first, after the id `before` (keyset: stable
 * while new rows keep arriving). Null for anyone who may not export it.
 */
export async function auditExportBatch(
  user: CurrentUser,
  filter: AuditFilter,
  before: number | null,
  size: number,
) {
  if (!can(user.role, "audit.export")) return null;
  return db
    .select(columns)
    .from(auditLog)
    .where(and(auditConditions(filter), before === null ? undefined : lt(auditLog.id, before)))
    .orderBy(desc(auditLog.id))
    .limit(size);
}
