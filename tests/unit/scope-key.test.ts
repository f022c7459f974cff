import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rectificationScope } from "@/features/rectification/scope";
import { ROLES } from "@/server/schema/enums";
import { departmentScope, districtOrgIds, projectScope, scopeKey } from "@/server/scope";

// Cached aggregates are shared by the users of one scopeKey (src/server/aggregate-cache.ts): that is
// only right when every scope gives those users the very same condition.

const dialect = new PgDialect();
const render = (q: SQL) => JSON.stringify(dialect.sqlToQuery(q));

type User = Parameters<typeof scopeKey>[0] & { departmentId: string | null };

function everyUser(): User[] {
  const out: User[] = [];
  for (const role of ROLES)
    for (const orgId of [null, "org-1", "org-2"])
      for (const departmentId of [null, "org-1", "dept-1"])
        for (const districtId of [null, "district-1", "district-2"])
          for (const provinceWide of [false, true])
            out.push({ role, orgId, departmentId, districtId, provinceWide });
  return out;
}

/** Everything a cached aggregate's SQL takes from the user. */
function conditions(u: User): string {
  const districtWide = u.role === "FINANCE_ADMIN" || u.role === "LEADER";
  return [
    render(projectScope(u)),
    render(departmentScope(u)),
    render(rectificationScope(u)),
    // gradeDistribution: department-wide and township evaluations, for district-wide readers.
    districtWide ? render(districtOrgIds(u)) : "-",
  ].join("\n");
}

describe("scopeKey", () => {
  it("is shared only by users whom every scope gives the same condition", () => {
    const byKey = new Map<string, { user: User; sql: string }>();
    for (const user of everyUser()) {
      const key = scopeKey(user);
      const sql = conditions(user);
      const first = byKey.get(key);
      if (!first) byKey.set(key, { user, sql });
      else expect(sql, `${JSON.stringify(first.user)} vs ${JSON.stringify(user)}`).toBe(first.sql);
    }
    // Finance administrators and leaders of one district share; districts and the province do not.
    const admin = {
      role: "FINANCE_ADMIN",
      orgId: "org-1",
      departmentId: null,
      districtId: "district-1",
      provinceWide: false,
    } as const;
    expect(scopeKey({ ...admin, role: "LEADER", orgId: "org-2" })).toBe(scopeKey(admin));
    expect(scopeKey({ ...admin, districtId: "district-2" })).not.toBe(scopeKey(admin));
    expect(scopeKey({ ...admin, districtId: null, provinceWide: true })).not.toBe(scopeKey(admin));
  });
});
