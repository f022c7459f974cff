import "server-only";
import { eq, sql } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { liveSession, markSessionSeen } from "@/features/auth/service";
import { env } from "@/env";
import { authOptions } from "./auth";
import { db } from "./db";
import { organisations, users, userSessions } from "./schema";
import type { OrgKind, Role } from "./schema/enums";
import { ensureDatabaseReady } from "./startup";

export type CurrentUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string | null;
  orgKind: OrgKind | null;
  orgName: string | null;
  /** The department (or township) the user belongs to: their org, or its parent for a unit. */
  departmentId: string | null;
  /** The district (行政区划) whose data the user works on: their organisation's, else the account's own. */
  districtId: string | null;
  /** A province-level finance or leader account (an organisation without a district): reads every district. */
  provinceWide: boolean;
  mustChangePassword: boolean;
  /** Signs in with a second factor (TOTP). */
  totpEnabled: boolean;
  /** The role must sign in with a second factor and the account has none yet: enrol before anything else. */
  mustEnrolTotp: boolean;
};

/** Whether a role must use two-factor sign-in (TOTP_REQUIRED_ROLES), and the account has not enrolled. */
export function mustEnrolTotp(role: Role, totpEnabled: boolean, requiredRoles: readonly Role[]): boolean {
  return !totpEnabled && requiredRoles.includes(role);
}

/**
 * Province level: a finance administrator or leader of a finance organisation (省财政厅) that belongs
 * to no district. Anyone else without a district reads no district's data.
 */
export function isProvinceWide(role: Role, orgKind: OrgKind | null, districtId: string | null): boolean {
  return (
    districtId === null &&
    (role === "FINANCE_ADMIN" || role === "LEADER") &&
    (orgKind === "FINANCE_BUREAU" || orgKind === "FINANCE_DIVISION")
  );
}

/**
 * The signed-in user, re-read from the database on every request: a disabled account, a changed role
 * or a bumped session version (password change, reset) takes effect at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  await ensureDatabaseReady();
  const session = (await getServerSession(authOptions)) as { uid?: string; sv?: number; sid?: string } | null;
  if (!session?.uid || !session.sid) return null;
  // The server-side session (signed out, idle or too old → the token is refused) is read with the user.
  return loadSessionUser(session.uid, session.sv, session.sid);
});

/**
 * The user a session token names, or null: inactive, another session version, or — with `sessionId` —
 * a server-side session that is no longer live. One statement; a live session is marked as seen.
 */
export async function loadSessionUser(
  userId: string,
  sessionVersion: number | undefined,
  sessionId?: string,
): Promise<CurrentUser | null> {
  const now = new Date();
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      active: users.active,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
      totpEnabledAt: users.totpEnabledAt,
      orgId: users.orgId,
      orgKind: organisations.kind,
      orgName: organisations.name,
      orgParentId: organisations.parentId,
      orgDistrictId: organisations.districtId,
      userDistrictId: users.districtId,
      sessionSeenAt: sessionId
        ? sql<Date | null>`(select ${userSessions.lastSeenAt} from ${userSessions} where ${liveSession(sessionId, userId, { now })})`.mapWith(
            (v: Date | string | null) => (v === null ? null : new Date(v)),
          )
        : sql<null>`null`,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || !row.active || row.sessionVersion !== sessionVersion) return null;
  if (sessionId) {
    if (!row.sessionSeenAt) return null;
    await markSessionSeen(sessionId, row.sessionSeenAt, { db, now });
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    orgId: row.orgId,
    orgKind: row.orgKind,
    orgName: row.orgName,
    departmentId: row.orgKind === "UNIT" ? row.orgParentId : row.orgId,
    districtId: row.orgId ? row.orgDistrictId : row.userDistrictId,
    provinceWide: isProvinceWide(row.role, row.orgKind, row.orgId ? row.orgDistrictId : row.userDistrictId),
    mustChangePassword: row.mustChangePassword,
    totpEnabled: row.totpEnabledAt !== null,
    mustEnrolTotp: mustEnrolTotp(row.role, row.totpEnabledAt !== null, env.TOTP_REQUIRED_ROLES),
  };
}

export const CHANGE_PASSWORD_PATH = "/account/password";
export const TWO_FACTOR_PATH = "/account/two-factor";

/** For the shell and the password page: the signed-in user, or a redirect to the sign-in page. */
export async function requireSignedIn(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/**
 * For every page: the signed-in user, or a redirect to the sign-in page — or to the password page
 * while the account must change its password (first sign-in, after a reset, expired), then to the
 * two-factor page while its role requires a second factor it has not set up. Pages render on every
 * navigation, client-side too, so the check cannot be skipped by clicking around.
 */
export async function requireUser(): Promise<CurrentUser> {
  const user = await requireSignedIn();
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  if (user.mustEnrolTotp) redirect(TWO_FACTOR_PATH);
  return user;
}

/** For route handlers (exports): the user who may work now, or null (signed out, or something to do first). */
export async function getWorkingUser(): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  return user && !user.mustChangePassword && !user.mustEnrolTotp ? user : null;
}
