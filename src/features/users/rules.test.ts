import { describe, expect, it } from "vitest";
import { ORG_KINDS, ROLES, type OrgKind, type Role } from "@/server/schema/enums";
import { changeEndsSessions, orgFitsRole } from "./rules";

// Allowed organisation kinds per role, as a grid: columns FINANCE_BUREAU, FINANCE_DIVISION,
// DEPARTMENT, UNIT, TOWNSHIP, AGENCY, CONGRESS, GOVERNMENT, then "no organisation".
const EXPECTED: Record<Role, string> = {
  FINANCE_ADMIN: ".Y.......",
  FINANCE_REVIEWER: ".Y.......",
  EXPERT: "YYYYYYYYY",
  DEPT_FILER: "...YY....",
  DEPT_APPROVER: "..Y.Y....",
  AGENCY: ".....Y...",
  LEADER: "YYYYYYYYY",
  SYS_ADMIN: "Y.......Y",
  AUDITOR: "Y.......Y",
};

describe("role and organisation", () => {
  const kinds: (OrgKind | null)[] = [...ORG_KINDS, null];
  const cases = ROLES.flatMap((role) =>
    kinds.map((kind, i) => [role, kind, EXPECTED[role][i] === "Y"] as [Role, OrgKind | null, boolean]),
  );

  it.each(cases)("%s in %s: allowed=%s", (role, kind, allowed) => {
    expect(orgFitsRole(role, kind)).toBe(allowed);
  });

  it("ends sessions when the role or organisation changes, not the name", () => {
    const before = { role: "DEPT_FILER" as Role, orgId: "a" };
    expect(changeEndsSessions(before, { ...before })).toBe(false);
    expect(changeEndsSessions(before, { ...before, orgId: "b" })).toBe(true);
    expect(changeEndsSessions(before, { ...before, role: "DEPT_APPROVER" })).toBe(true);
  });
});
