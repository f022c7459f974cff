import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { chainSummary } from "@/features/dashboards/chain-queries";
import { selfCoverage } from "@/features/self-evaluation/queries";
import { db, queryRows } from "@/server/db";
import { signedIn } from "../factories/users";

describe("the finance dashboard's performance chain", () => {
  it("adds up within itself and agrees with the modules' own figures", async () => {
    const admin = await signedIn("finance_admin");
    const chain = await chainSummary(admin, 2020);
    const [{ n }] = (await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from projects where year = 2020 and district_id = ${admin.districtId}`,
    )) as [{ n: number }];
    expect(chain.projects).toBe(n);
    expect(chain.red + chain.yellow + chain.green).toBe(chain.monitored);
    expect(chain.excellent + chain.good + chain.pass + chain.fail).toBe(chain.selfFiled);
    const coverage = await selfCoverage(admin, 2020);
    expect(chain.selfFiled).toBe(coverage.reduce((a, r) => a + r.filed, 0));
    // The demo's 2020: every project filed a self-evaluation; the 124 sampled were settled.
    expect(chain.selfFiled).toBeGreaterThan(0.99 * n);
    expect(chain.sampled).toBeGreaterThanOrEqual(124);
    expect(chain.sampledSettled).toBeGreaterThanOrEqual(124);
    expect(Number(chain.gap)).toBeGreaterThan(0);
    expect(chain.monitored).toBeGreaterThan(0.9 * n);
    expect(chain.targetsApproved).toBe(n);
  });

  it("counts only the reviewer's departments for a reviewer, and nothing for a filer's other units", async () => {
    const [admin, reviewer, filer2] = await Promise.all([
      signedIn("finance_admin"),
      signedIn("finance_reviewer"),
      signedIn("dept_filer2"),
    ]);
    const [all, covered, own] = await Promise.all([
      chainSummary(admin, 2020),
      chainSummary(reviewer, 2020),
      chainSummary(filer2, 2020),
    ]);
    expect(covered.projects).toBeGreaterThan(0);
    expect(covered.projects).toBeLessThan(all.projects);
    const [{ n }] = (await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from projects where year = 2020 and unit_id = ${filer2.orgId}`,
    )) as [{ n: number }];
    expect(own.projects).toBe(n);
  });
});
