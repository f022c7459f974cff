import type { OrgKind, Role } from "@/server/schema/enums";

// Which organisations an account of each role may belong to. A role's work is scoped by its
// organisation (a filer's unit, an approver's department, a reviewer's division, an agency), so an
// account in the wrong kind of organisation would see the wrong records or none.
export const ROLE_ORG_RULES: Record<Role, { kinds: readonly OrgKind[] | "any"; orgRequired: boolean }> = {
  FINANCE_ADMIN: { kinds: ["FINANCE_DIVISION"], orgRequired: true },
  FINANCE_REVIEWER: { kinds: ["FINANCE_DIVISION"], orgRequired: true },
  DEPT_FILER: { kinds: ["UNIT", "TOWNSHIP"], orgRequired: true },
  DEPT_APPROVER: { kinds: ["DEPARTMENT", "TOWNSHIP"], orgRequired: true },
  AGENCY: { kinds: ["AGENCY"], orgRequired: true },
  EXPERT: { kinds: "any", orgRequired: false },
  LEADER: { kinds: "any", orgRequired: false },
  SYS_ADMIN: { kinds: ["FINANCE_BUREAU"], orgRequired: false },
  AUDITOR: { kinds: ["FINANCE_BUREAU"], orgRequired: false },
};

/** May an account of this role belong to an organisation of this kind (null: to none)? */
export function orgFitsRole(role: Role, orgKind: OrgKind | null): boolean {
  const rule = ROLE_ORG_RULES[role];
  if (orgKind === null) return !rule.orgRequired;
  return rule.kinds === "any" || rule.kinds.includes(orgKind);
}

/**
 * The fields whose change ends the account's open sessions: what it may see depends on them, so a
 * session signed in under the old values must not live on.
 */
export function changeEndsSessions(
  before: { role: Role; orgId: string | null },
  after: typeof before,
): boolean {
  return before.role !== after.role || before.orgId !== after.orgId;
}
