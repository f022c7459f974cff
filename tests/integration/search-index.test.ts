import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listProjects } from "@/features/projects/queries";
import { db, queryRows } from "@/server/db";
import { signedIn } from "../factories/users";

// 项目名称或编码包含…: a "contains" search cannot use a b-tree index; the trigram indexes serve it
// (on the embedded database as on the server), so a province's search does not read every project.

async function plan(where: ReturnType<typeof sql>): Promise<string> {
  return db.transaction(async (tx) => {
    // The demo's table is small enough that the planner would read it whole: ask whether it can use
    // the index at all.
    await tx.execute(sql`set local enable_seqscan = off`);
    const rows = await queryRows<Record<string, string>>(
      tx,
      sql`explain select id from projects where ${where}`,
    );
    return rows.map((r) => Object.values(r)[0]).join("\n");
  });
}

describe("search indexes", () => {
  it("finds projects by part of the name or the code through trigram indexes", async () => {
    expect(await plan(sql`name ilike ${"%科技创新%"}`)).toContain("projects_name_trgm_idx");
    expect(await plan(sql`code ilike ${"%D03-00%"}`)).toContain("projects_code_trgm_idx");
  });

  it("gives the list the same projects as a plain scan", async () => {
    const admin = await signedIn("finance_admin");
    const list = await listProjects(admin, {
      year: 2020,
      q: "科技创新",
      sort: "code",
      dir: "asc",
      page: 1,
      money: "wan",
    } as never);
    const [{ n }] = (await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from projects where year = 2020 and district_id = ${admin.districtId}
            and (name ilike ${"%科技创新%"} or code ilike ${"%科技创新%"})`,
    )) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    expect(list.totals.count).toBe(n);
  });
});
