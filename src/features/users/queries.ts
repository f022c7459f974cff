import "server-only";
import { and, asc, count, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/server/db";
import { can } from "@/server/permissions";
import { accountScope, manageableOrgs } from "@/server/scope";
import { organisations, users } from "@/server/schema";
import { ORG_KINDS, type OrgKind } from "@/server/schema/enums";
import type { CurrentUser } from "@/server/session";
import type { UserFilter } from "./schemas";
import { userVersion } from "./service";

export const USERS_PAGE_SIZE = 20;

/** `%` and `_` typed in a search box are literal characters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterConditions(f: UserFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (f.q) {
    const pattern = likePattern(f.q);
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)));
  }
  if (f.role) conditions.push(eq(users.role, f.role));
  if (f.kind === "NONE") conditions.push(isNull(users.orgId));
  else if (f.kind) conditions.push(eq(organisations.kind, f.kind));
  if (f.org) conditions.push(eq(users.orgId, f.org));
  if (f.status) conditions.push(eq(users.active, f.status === "active"));
  return and(...conditions);
}

/** One page of accounts for the user administration list. Null for anyone but a system administrator. */
export async function listUsers(user: CurrentUser, filter: UserFilter) {
  if (!can(user.role, "users.read")) return null;
  const where = and(filterConditions(filter), accountScope(user));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        orgName: organisations.name,
        orgKind: organisations.kind,
        active: users.active,
        mustChangePassword: users.mustChangePassword,
        lockedUntil: users.lockedUntil,
        lastSignInAt: users.lastSignInAt,
      })
      .from(users)
      .leftJoin(organisations, eq(organisations.id, users.orgId))
      .where(where)
      .orderBy(asc(users.username))
      .limit(USERS_PAGE_SIZE)
      .offset((filter.page - 1) * USERS_PAGE_SIZE),
    db
      .select({ n: count() })
      .from(users)
      .leftJoin(organisations, eq(organisations.id, users.orgId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0, pageSize: USERS_PAGE_SIZE };
}
export type UserListRow = NonNullable<Awaited<ReturnType<typeof listUsers>>>["rows"][number];

/** One account for its administration page. Null when absent or for anyone but a system administrator. */
export async function getUserDetail(user: CurrentUser, id: string) {
  if (!can(user.role, "users.read") || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      orgId: users.orgId,
      orgName: organisations.name,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      failedSignIns: users.failedSignIns,
      lockedUntil: users.lockedUntil,
      lastSignInAt: users.lastSignInAt,
      passwordChangedAt: users.passwordChangedAt,
      totpEnabledAt: users.totpEnabledAt,
      createdAt: users.createdAt,
      version: userVersion,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(users.id, id), accountScope(user)))
    .limit(1);
  return row ?? null;
}
export type UserDetail = NonNullable<Awaited<ReturnType<typeof getUserDetail>>>;

export type OrgOption = { id: string; name: string };
export type OrgGroup = { kind: OrgKind; orgs: OrgOption[] };

/** Active organisations grouped by kind, units under their department's order, for the picker. */
export async function listOrganisationOptions(user: CurrentUser): Promise<OrgGroup[] | null> {
  if (!can(user.role, "users.read")) return null;
  const parent = alias(organisations, "parent");
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .where(and(eq(organisations.active, true), manageableOrgs(user)))
    .orderBy(
      sql`coalesce(${parent.sortOrder}, ${organisations.sortOrder})`,
      asc(organisations.sortOrder),
      asc(organisations.code),
    );
  return ORG_KINDS.map((kind) => ({
    kind,
    orgs: rows.filter((r) => r.kind === kind).map(({ id, name }) => ({ id, name })),
  })).filter((g) => g.orgs.length > 0);
}
