import "server-only";
import { and, desc, eq, gt, gte, sql } from "drizzle-orm";
import { db } from "@/server/db";
import { assertCan } from "@/server/permissions";
import { auditLog, organisations, users } from "@/server/schema";
import type { AuditResult, OrgKind, Role } from "@/server/schema/enums";
import type { CurrentUser } from "@/server/session";

// The dashboards of the two non-business roles (三权分立): accounts and organisations for the system
// administrator, the audit log for the audit administrator. Neither reads a project.

const n = (filter?: ReturnType<typeof sql>) =>
  (filter ? sql<number>`count(*) filter (where ${filter})::int` : sql<number>`count(*)::int`).mapWith(Number);

export type SignInRow = {
  id: number;
  at: Date;
  username: string | null;
  role: Role | null;
  ip: string | null;
  result: AuditResult;
  reason: string | null;
};

const signInColumns = {
  id: auditLog.id,
  at: auditLog.at,
  // An unknown user's attempted name is kept in the change set (features/auth/service.ts).
  username: sql<string | null>`coalesce(${auditLog.actorUsername}, ${auditLog.changes} ->> 'username')`,
  role: auditLog.actorRole,
  ip: auditLog.ip,
  result: auditLog.result,
  reason: sql<string | null>`${auditLog.changes} ->> 'reason'`,
};

function latest(action: "auth.signedIn" | "auth.signInFailed", limit: number) {
  return db
    .select(signInColumns)
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

export type SystemOverview = {
  users: { total: number; active: number; disabled: number; locked: number };
  byRole: { role: Role; total: number; active: number; disabled: number }[];
  orgsByKind: { kind: OrgKind; total: number; active: number }[];
  recentSignIns: SignInRow[];
  recentFailures: SignInRow[];
};

export async function systemOverview(user: CurrentUser, now = new Date()): Promise<SystemOverview> {
  assertCan(user, "users.read");
  const [byRole, [locked], orgsByKind, recentSignIns, recentFailures] = await Promise.all([
    db
      .select({
        role: users.role,
        total: n(),
        active: n(sql`${users.active}`),
        disabled: n(sql`not ${users.active}`),
      })
      .from(users)
      .groupBy(users.role)
      .orderBy(users.role),
    db
      .select({ n: n() })
      .from(users)
      .where(and(eq(users.active, true), gt(users.lockedUntil, now))),
    db
      .select({ kind: organisations.kind, total: n(), active: n(sql`${organisations.active}`) })
      .from(organisations)
      .groupBy(organisations.kind)
      .orderBy(organisations.kind),
    latest("auth.signedIn", 8),
    latest("auth.signInFailed", 8),
  ]);
  const sum = (k: "total" | "active" | "disabled") => byRole.reduce((s, r) => s + r[k], 0);
  return {
    users: { total: sum("total"), active: sum("active"), disabled: sum("disabled"), locked: locked?.n ?? 0 },
    byRole,
    orgsByKind,
    recentSignIns,
    recentFailures,
  };
}

const DAY = 24 * 3600 * 1000;
const CHINA_OFFSET = 8 * 3600 * 1000; // Asia/Shanghai has no daylight saving time.

/** Midnight in Beijing time of the day `now` falls on. */
export function startOfChinaDay(now: Date): Date {
  return new Date(Math.floor((now.getTime() + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET);
}

export type AuditCounts = { signIns: number; failures: number; denied: number; total: number };
export type AuditOverview = {
  today: AuditCounts;
  week: AuditCounts;
  since: Date;
  recentFailures: SignInRow[];
};

/** Today's and the last seven days' (today included) security events, and the latest failed sign-ins. */
export async function auditOverview(user: CurrentUser, now = new Date()): Promise<AuditOverview> {
  assertCan(user, "audit.read");
  const today = startOfChinaDay(now);
  const since = new Date(today.getTime() - 6 * DAY);
  const isToday = sql`${auditLog.at} >= ${today.toISOString()}`;
  const counts = (extra?: ReturnType<typeof sql>) => ({
    signIns: n(
      extra
        ? sql`${auditLog.action} = 'auth.signedIn' and ${extra}`
        : sql`${auditLog.action} = 'auth.signedIn'`,
    ),
    failures: n(
      extra
        ? sql`${auditLog.action} = 'auth.signInFailed' and ${extra}`
        : sql`${auditLog.action} = 'auth.signInFailed'`,
    ),
    denied: n(extra ? sql`${auditLog.result} = 'DENIED' and ${extra}` : sql`${auditLog.result} = 'DENIED'`),
    total: n(extra),
  });
  const [[row], recentFailures] = await Promise.all([
    db
      .select({ week: counts(), today: counts(isToday) })
      .from(auditLog)
      .where(gte(auditLog.at, since)),
    latest("auth.signInFailed", 10),
  ]);
  return { ...(row as { week: AuditCounts; today: AuditCounts }), since, recentFailures };
}
