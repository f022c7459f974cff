import fs from "node:fs";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { chainSummary } from "@/features/dashboards/chain-queries";
import { departmentPerformance } from "@/features/dashboards/department-queries";
import { headline, kindBreakdown, orgBreakdown, stageBreakdown } from "@/features/dashboards/queries";
import { itemCounts } from "@/features/rectification/queries";
import { createBatchDefinition, runCreateBatch } from "@/features/sampling/definitions";
import { MAX_GROUPS } from "@/features/sampling/schemas";
import {
  runSubmitSelfEvaluation,
  submitSelfEvaluationDefinition,
} from "@/features/self-evaluation/definitions";
import { env } from "@/env";
import { runAction } from "@/server/action-client";
import { closeDatabase, db, openDatabase, queryRows, useDatabase } from "@/server/db";
import { evaluations, users } from "@/server/schema";
import { loadSessionUser, type CurrentUser } from "@/server/session";
import { measure, summarise, type Summary } from "./load";

// Runs only under `npm run bench` (BENCH_DATABASE_URL names the bench database, BENCH_OUT the file
// the figures go to). The scenarios that need no HTTP: the dashboards' SQL alone (for app ÷ SQL: the
// bench runs this with AGGREGATE_CACHE_ENTRIES=0, so every call runs the SQL), and the two writes,
// run exactly as their server actions run them (permission, zod, one transaction, audit).

const url = process.env.BENCH_DATABASE_URL;
const out = process.env.BENCH_OUT;
const LEVELS = (process.env.BENCH_LEVELS ?? "1,10,50").split(",").map(Number);
const YEAR = 2020;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const meta = { ip: "127.0.0.1", userAgent: "bench" };
const ONLY = process.env.BENCH_SCENARIOS?.split(",").filter(Boolean);
const wanted = (name: string) => !ONLY || ONLY.some((p) => name.startsWith(p));
const t = (key: string) => key;

async function account(username: string): Promise<CurrentUser> {
  const [row] = await db
    .select({ id: users.id, sv: users.sessionVersion })
    .from(users)
    .where(eq(users.username, username));
  const user = row && (await loadSessionUser(row.id, row.sv));
  if (!user) throw new Error(`no bench account ${username}`);
  return user;
}

/** The finance dashboard's data, as the page asks for it (in parallel, one query each). */
async function dashboardData(user: CurrentUser) {
  await Promise.all([
    headline(user, YEAR),
    stageBreakdown(user, YEAR),
    kindBreakdown(user, YEAR),
    orgBreakdown(user, YEAR, "department"),
    chainSummary(user, YEAR),
    departmentPerformance(user, YEAR),
    itemCounts(user),
  ]);
}

beforeAll(() => {
  if (!url) return;
  useDatabase(openDatabase({ url }));
});
afterAll(async () => {
  if (url) await closeDatabase();
});

it.runIf(Boolean(url && out))("measures the dashboards' SQL and the writes in-process", async () => {
  // The SQL alone, never the aggregate cache's memory.
  expect(env.AGGREGATE_CACHE_ENTRIES).toBe(0);
  const results: Record<string, Summary[]> = {};
  const district = await account("d2_finance_admin");
  const province = await account("province_admin");

  if (process.env.BENCH_EACH) {
    for (const user of [district, province]) {
      for (const [label, f] of Object.entries({
        headline: () => headline(user, YEAR),
        stageBreakdown: () => stageBreakdown(user, YEAR),
        kindBreakdown: () => kindBreakdown(user, YEAR),
        orgBreakdown: () => orgBreakdown(user, YEAR, "department"),
        chainSummary: () => chainSummary(user, YEAR),
        departmentPerformance: () => departmentPerformance(user, YEAR),
        itemCounts: () => itemCounts(user),
      })) {
        await f();
        const s0 = performance.now();
        await f();
        console.log(`[bench] ${user.username} ${label}: ${Math.round(performance.now() - s0)} ms`);
      }
    }
    return;
  }
  for (const [name, user] of [
    ["dashboardSql.district", district],
    ["dashboardSql.province", province],
  ] as const) {
    if (!wanted(name)) continue;
    await dashboardData(user); // PostgreSQL reads the tables into its buffers
    results[name] = [];
    for (const c of LEVELS) {
      // As many rounds as fit in BENCH_SECONDS (each worker at least one).
      const r = await measure(c, Number.MAX_SAFE_INTEGER, () => dashboardData(user), SECONDS);
      results[name].push(summarise(c, r));
      console.log(`[bench] ${name} c=${c}`, JSON.stringify(results[name].at(-1)));
    }
  }

  // Self-evaluation submit: filled self-evaluations that finance sent back (RETURNED) are submitted
  // again by their unit's filer, spread over the districts. The bench marks them returned first.
  if (!wanted("selfEvaluationSubmit") && !wanted("draw")) {
    fs.writeFileSync(out!, JSON.stringify({ results }, null, 2));
    return;
  }
  const needed = LEVELS.reduce((s, c) => s + Math.max(20, c * 20), 0);
  const pool = await queryRows<{ id: string; filer: string }>(
    db,
    sql`select e.id, (select u.id from users u where u.org_id = p.unit_id and u.role = 'DEPT_FILER' and u.active order by u.username limit 1) as filer
        from evaluations e join projects p on p.id = e.project_id
        where e.type = 'SELF' and e.status = 'RECEIVED' and e.year = ${YEAR}
          and exists (select 1 from users u where u.org_id = p.unit_id and u.role = 'DEPT_FILER' and u.active)
        order by md5(e.id::text) limit ${needed}`,
  );
  expect(pool.length).toBe(needed);
  await db
    .update(evaluations)
    .set({ status: "RETURNED" })
    .where(
      inArray(
        evaluations.id,
        pool.map((p) => p.id),
      ),
    );
  const filers = new Map<string, CurrentUser>();
  for (const id of new Set(pool.map((p) => p.filer))) {
    const [u] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, id));
    filers.set(id, (await loadSessionUser(id, u!.sv))!);
  }
  let next = 0;
  const submitOne = async () => {
    const item = pool[next++]!;
    const [ev] = await db
      .select({
        version: evaluations.version,
        budget: evaluations.budgetTotal,
        executed: evaluations.executedTotal,
        summary: evaluations.summary,
        improvement: evaluations.improvement,
      })
      .from(evaluations)
      .where(eq(evaluations.id, item.id));
    const lines = await queryRows<{ id: string; actualValue: string; points: string; note: string }>(
      db,
      sql`select id, coalesce(actual_value, '') as "actualValue", coalesce(points::text, max_points::text) as points, coalesce(note, '') as note
          from evaluation_scores where evaluation_id = ${item.id} order by sort_order`,
    );
    const result = await runAction(submitSelfEvaluationDefinition, runSubmitSelfEvaluation, {
      user: filers.get(item.filer)!,
      raw: {
        evaluationId: item.id,
        version: ev!.version,
        budgetTotal: ev!.budget ?? "1",
        executedTotal: ev!.executed ?? "0",
        summary: ev!.summary ?? "",
        improvement: ev!.improvement ?? "",
        lines: JSON.stringify(lines),
      },
      meta,
      t,
    });
    if (!result.ok)
      throw new Error(`submit refused: ${result.code} ${JSON.stringify(result.fieldErrors ?? {})}`);
  };
  results["selfEvaluationSubmit"] = [];
  for (const c of LEVELS) {
    const r = await measure(c, Math.max(20, c * 20), submitOne);
    results["selfEvaluationSubmit"].push(summarise(c, r));
    console.log(
      `[bench] selfEvaluationSubmit c=${c}`,
      JSON.stringify(results["selfEvaluationSubmit"].at(-1)),
    );
  }

  // 集中抽评 draw over the province's filed self-evaluations of the year, by the province administrator.
  const [{ population }] = (await queryRows<{ population: number }>(
    db,
    sql`select count(*)::int as population from evaluations where type = 'SELF' and year = ${YEAR}`,
  )) as [{ population: number }];
  const started = performance.now();
  const drawn = await runAction(createBatchDefinition, runCreateBatch, {
    user: province,
    raw: {
      year: String(YEAR),
      name: `bench ${Date.now()}`,
      sampleSize: "2000",
      groupCount: String(MAX_GROUPS),
      seed: "20201231",
    },
    meta,
    t,
  });
  const drawMs = performance.now() - started;
  if (!drawn.ok)
    throw new Error(
      `draw refused: ${drawn.code} ${drawn.message} ${JSON.stringify(drawn.fieldErrors ?? {})}`,
    );
  console.log(`[bench] draw over ${population} self-evaluations: ${Math.round(drawMs)} ms`);

  fs.writeFileSync(
    out!,
    JSON.stringify({ results, draw: { ms: drawMs, population, sampleSize: 2000 } }, null, 2),
  );
});
