import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { openDatabase } from "@/server/db";
import { migrateDatabase } from "@/server/migrate";
import { DEMO_PASSWORD, seed } from "@/server/seed/seed";

// `npm run loadtest [-- --users 50 --duration 60 --fault]`: N signed-in department filers work at once
// against the built app (`npx next build` first) on a fresh database of the PostgreSQL server
// (DATABASE_URL, default the local server): each opens the dashboard, the target-sheet list, its own
// project's sheet, and saves the sheet (a server action, posted as the browser posts it). Reports
// p50/p95/p99 per request kind; any error fails the run. With --fault, PostgreSQL is restarted a third
// of the way in: the app must not crash, must answer the outage with a clean error (no stack, no SQL),
// recover by itself within 10 s, and every save it acknowledged must be in the database afterwards.

const run = promisify(execFile);
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const USERS = option("users", 50);
const DURATION_S = option("duration", 60);
const FAULT = flag("fault");
const PORT = option("port", Number(process.env.E2E_PORT ?? 3203));
const BASE = `http://127.0.0.1:${PORT}`;
const SERVER_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const RECOVERY_LIMIT_MS = 10_000;

type Kind = "dashboard" | "list" | "detail" | "save";
type Sample = { kind: Kind; ms: number; ok: boolean; at: number; status: number; note?: string };
type VirtualUser = {
  username: string;
  projectId: string;
  cookie: string;
  sheetId: string;
  version: number;
  acked: number;
  unsure: number;
};

const samples: Sample[] = [];
const badBodies: string[] = [];
let outage: { from: number; to: number } | null = null;

function dbUrl(name: string) {
  const u = new URL(SERVER_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Wait until the app answers /login (any HTTP answer when `anyStatus`). */
async function waitForServer(child: ChildProcess, anyStatus = false) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}) while starting`);
    try {
      const res = await fetch(`${BASE}/login`);
      if (res.status === 200 || anyStatus) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the app did not start within 120 s");
}

function cookiesOf(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Sign in as the browser does (next-auth credentials): the session cookie. */
async function signIn(username: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), origin: BASE },
    body: new URLSearchParams({ username, password: DEMO_PASSWORD, csrfToken, json: "true" }),
  });
  cookiesOf(res, jar);
  if (![...jar.keys()].some((k) => k.endsWith("session-token")))
    throw new Error(`${username} could not sign in`);
  return cookieHeader(jar);
}

/** The save action's id in the build (the browser learns it from the page the same way). */
function saveActionId(): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node).find(
    ([, v]) =>
      v.filename?.endsWith("features/targets/actions.ts") && v.exportedName === "saveOrSubmitSheetAction",
  );
  if (!found) throw new Error("no saveOrSubmitSheetAction in the build: run `npx next build` first");
  return found[0];
}

const STACK =
  /\n\s+at\s.+:\d+:\d+|ECONNREFUSED|ECONNRESET|terminating connection|\bselect\s.+\sfrom\s|node_modules/i;

async function timed(
  kind: Kind,
  url: string,
  init: RequestInit,
  check: (status: number, body: string) => string | null,
) {
  const t0 = performance.now();
  let status = 0;
  let body = "";
  let problem: string | null;
  try {
    const res = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(30_000) });
    status = res.status;
    body = await res.text();
    problem = check(status, body);
  } catch (e) {
    problem = `network: ${(e as Error).message}`;
  }
  // Whatever the app answers, even in an outage, must never show a stack trace or SQL.
  if (body && STACK.test(body)) badBodies.push(`${kind} ${status}: ${STACK.exec(body)![0].slice(0, 120)}`);
  const sample = {
    kind,
    ms: performance.now() - t0,
    ok: problem === null,
    at: Date.now(),
    status,
    note: problem ?? undefined,
  };
  samples.push(sample);
  return { sample, body };
}

const page = (status: number) => (status === 200 ? null : `status ${status}`);

async function currentSheet(pool: pg.Pool, projectId: string): Promise<{ id: string; version: number }> {
  for (;;) {
    try {
      const { rows } = await pool.query<{ id: string; version: number }>(
        "select id, version from target_sheets where project_id = $1 order by version_no desc limit 1",
        [projectId],
      );
      return rows[0] ?? { id: "", version: 0 };
    } catch {
      await new Promise((r) => setTimeout(r, 500)); // the database is restarting
    }
  }
}

async function virtualUser(vu: VirtualUser, actionId: string, until: number, pool: pg.Pool, goal: string) {
  const headers = { cookie: vu.cookie };
  let n = 0;
  while (Date.now() < until) {
    await timed("dashboard", `${BASE}/dashboard`, { headers }, page);
    await timed("list", `${BASE}/targets`, { headers }, page);
    await timed("detail", `${BASE}/targets/${vu.projectId}`, { headers }, page);
    const form = new FormData();
    const fields: Record<string, string> = {
      intent: "save",
      projectId: vu.projectId,
      sheetId: vu.sheetId,
      version: String(vu.version),
      overallGoal: `${goal}（第 ${++n} 次保存）`,
      indicators: JSON.stringify(ROWS),
    };
    // As React encodes a server action's arguments (previous state, the form): the form's fields under
    // its reference first, then the argument list naming it.
    for (const [k, v] of Object.entries(fields)) form.append(`_1_${k}`, v);
    form.append("0", JSON.stringify(["$undefined", "$K1"]));
    const { sample, body } = await timed(
      "save",
      `${BASE}/targets/${vu.projectId}`,
      {
        method: "POST",
        headers: { ...headers, "next-action": actionId, origin: BASE, accept: "text/x-component" },
        body: form,
      },
      (status, text) =>
        status === 200 && /"ok":true/.test(text) ? null : `status ${status}: ${text.slice(0, 160)}`,
    );
    if (sample.ok) {
      vu.acked++;
      vu.version = Number(/"version":(\d+)/.exec(body)![1]);
      vu.sheetId = /"sheetId":"([0-9a-f-]{36})"/.exec(body)![1]!;
    } else {
      // Not acknowledged: it may or may not have been written. Count it, and read where the sheet is.
      vu.unsure++;
      const sheet = await currentSheet(pool, vu.projectId);
      vu.version = sheet.version;
      vu.sheetId = sheet.id;
    }
  }
}

const ROWS = [
  {
    level1: "OUTPUT",
    level2: "QUANTITY",
    name: "支持科技项目数量",
    operator: "GTE",
    targetValue: "20",
    unit: "项",
    points: "30",
  },
  {
    level1: "OUTPUT",
    level2: "TIMELINESS",
    name: "资金兑现及时率",
    operator: "EQ",
    targetValue: "100",
    unit: "%",
    points: "20",
  },
  {
    level1: "BENEFIT",
    level2: "ECONOMIC",
    name: "技术合同成交额",
    operator: "GTE",
    targetValue: "5000",
    unit: "万元",
    points: "30",
  },
  {
    level1: "SATISFACTION",
    level2: "SERVICE_SATISFACTION",
    name: "企业满意度",
    operator: "GTE",
    targetValue: "90",
    unit: "%",
    points: "10",
  },
];

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function restartPostgres() {
  const versions = fs.readdirSync("/etc/postgresql").filter((v) => /^\d+$/.test(v));
  if (versions.length !== 1)
    throw new Error(`expected one PostgreSQL cluster in /etc/postgresql, found ${versions.join(", ")}`);
  const from = Date.now();
  await run("pg_ctlcluster", [versions[0]!, "main", "restart"]);
  outage = { from, to: Date.now() };
  console.log(`[loadtest] PostgreSQL ${versions[0]} restarted in ${outage.to - outage.from} ms`);
}

async function main() {
  const actionId = saveActionId();
  const name = `bpm_load_${process.pid}_${Date.now()}`;
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), "bpm-load-"));
  let child: ChildProcess | null = null;
  const pool = new pg.Pool({ connectionString: dbUrl(name), max: 4 });
  pool.on("error", () => {}); // the harness's own connections die in the restart too
  let failed = false;
  let created = false;
  try {
    // Start-up before the database: the app is started first, on a database that does not exist yet
    // (as when the host boots the app before PostgreSQL). It must keep running, refuse sign-ins
    // cleanly, and work by itself once the database is there.
    const logFile = path.join(workdir, "app.log");
    const log = fs.openSync(logFile, "a");
    child = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: dbUrl(name),
        SEED_ON_START: "false",
        NEXTAUTH_URL: BASE,
        AUTH_SECRET_FILE: path.join(workdir, "auth-secret"),
        UPLOAD_DIR: path.join(workdir, "uploads"),
      },
      stdio: ["ignore", log, log],
    });
    await waitForServer(child, true);
    const early = await signIn("dept_filer").then(
      () => "signed in",
      (e: Error) => e.message,
    );
    const probe = await fetch(`${BASE}/dashboard`, { redirect: "manual" });
    const probeBody = await probe.text();
    if (STACK.test(probeBody))
      badBodies.push(`start-up ${probe.status}: ${STACK.exec(probeBody)![0].slice(0, 120)}`);
    console.log(
      `[loadtest] app started without its database: sign-in → ${early}; /dashboard → ${probe.status}`,
    );

    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    created = true;
    console.log(`[loadtest] seeding ${name}…`);
    const h = openDatabase({ url: dbUrl(name) });
    await migrateDatabase(h);
    await seed(h.db);
    await h.close();

    // One filer per unit, each with a project of its unit that has no target sheet yet.
    const { rows: picks } = await pool.query<{ username: string; project_id: string }>(
      `select distinct on (u.org_id) u.username, p.id project_id
         from users u join projects p on p.unit_id = u.org_id
        where u.role = 'DEPT_FILER' and u.active
          and not exists (select 1 from target_sheets s where s.project_id = p.id)
        order by u.org_id, u.username, p.year desc, p.code
        limit $1`,
      [USERS],
    );
    if (picks.length < USERS)
      throw new Error(`only ${picks.length} filers with a project to fill; asked for ${USERS}`);

    const ready = Date.now();
    let startupMs = -1;
    while (Date.now() - ready < 60_000) {
      try {
        await signIn("dept_filer");
        startupMs = Date.now() - ready;
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    console.log(`[loadtest] the app worked ${startupMs} ms after its database was ready, without a restart`);
    if (startupMs < 0 || startupMs > RECOVERY_LIMIT_MS || early === "signed in") {
      failed = true;
      console.error("[loadtest] FAIL: the app did not come up by itself once its database was there");
    }
    const pid = child.pid;
    console.log(`[loadtest] app up on ${BASE} (pid ${pid}); signing in ${USERS} users…`);

    const vus: VirtualUser[] = [];
    for (let i = 0; i < picks.length; i += 5)
      vus.push(
        ...(await Promise.all(
          picks.slice(i, i + 5).map(async (p) => ({
            username: p.username,
            projectId: p.project_id,
            cookie: await signIn(p.username),
            sheetId: "",
            version: 0,
            acked: 0,
            unsure: 0,
          })),
        )),
      );

    console.log(
      `[loadtest] ${USERS} users for ${DURATION_S} s${FAULT ? ", restarting PostgreSQL at a third" : ""}…`,
    );
    const start = Date.now();
    const until = start + DURATION_S * 1000;
    const fault = FAULT
      ? new Promise<void>((resolve, reject) =>
          setTimeout(() => restartPostgres().then(resolve, reject), (DURATION_S * 1000) / 3),
        )
      : Promise.resolve();
    await Promise.all([
      ...vus.map((vu) => virtualUser(vu, actionId, until, pool, `负载测试 ${vu.username}`)),
      fault,
    ]);
    const elapsed = (Date.now() - start) / 1000;

    // Every acknowledged save is in the database: the sheet's version counts its saves (the first
    // creates version 1). A save that failed without an answer may or may not have been written.
    let lost = 0;
    let ackedTotal = 0;
    let unsureTotal = 0;
    for (const vu of vus) {
      const { version } = await currentSheet(pool, vu.projectId);
      ackedTotal += vu.acked;
      unsureTotal += vu.unsure;
      if (version < vu.acked || version > vu.acked + vu.unsure) {
        lost++;
        console.error(
          `[loadtest] ${vu.username}: sheet version ${version}, acknowledged saves ${vu.acked}, unanswered ${vu.unsure}`,
        );
      }
    }
    const { rows: audit } = await pool.query<{ n: number }>(
      "select count(*)::int n from audit_log where action = 'targetSheet.saved' and result = 'SUCCESS'",
    );

    // Report.
    const kinds: Kind[] = ["dashboard", "list", "detail", "save"];
    console.log(
      `\n[loadtest] ${samples.length} requests in ${elapsed.toFixed(1)} s (${(samples.length / elapsed).toFixed(1)}/s)`,
    );
    console.log("kind        count  errors   p50 ms   p95 ms   p99 ms   max ms");
    for (const kind of [...kinds, "all" as const]) {
      const of = samples.filter((s) => kind === "all" || s.kind === kind);
      const ms = of.map((s) => s.ms).sort((a, b) => a - b);
      console.log(
        `${kind.padEnd(10)} ${String(of.length).padStart(6)} ${String(of.filter((s) => !s.ok).length).padStart(7)} ${[
          50, 95, 99,
        ]
          .map((p) => percentile(ms, p).toFixed(0).padStart(8))
          .join(" ")} ${(ms.at(-1) ?? 0).toFixed(0).padStart(8)}`,
      );
    }
    console.log(
      `saves acknowledged ${ackedTotal}, unanswered ${unsureTotal}, audit rows of saves ${audit[0]!.n}, sheets with a lost or extra save: ${lost}`,
    );

    const errors = samples.filter((s) => !s.ok);
    const alive = child.exitCode === null && child.pid === pid;
    if (badBodies.length) {
      failed = true;
      console.error(
        `[loadtest] FAIL: ${badBodies.length} responses showed internals, e.g. ${badBodies.slice(0, 3).join(" | ")}`,
      );
    }
    if (!alive) {
      failed = true;
      console.error("[loadtest] FAIL: the app process died");
    }
    if (lost) failed = true;
    if (audit[0]!.n < ackedTotal) {
      failed = true;
      console.error("[loadtest] FAIL: fewer audit rows than acknowledged saves");
    }
    if (!FAULT) {
      if (errors.length) {
        failed = true;
        console.error(
          `[loadtest] FAIL: ${errors.length} errors, e.g. ${errors
            .slice(0, 3)
            .map((e) => `${e.kind} ${e.note}`)
            .join(" | ")}`,
        );
      }
    } else if (outage) {
      // After the restart finished, the first failure-free stretch must begin within 10 s, and
      // nothing may fail after that point.
      const after = samples.filter((s) => s.at > outage!.to).sort((a, b) => a.at - b.at);
      const lastError = after.filter((s) => !s.ok).at(-1);
      const recoveredAt = lastError ? lastError.at : outage.to;
      const recoveryMs = recoveredAt - outage.to;
      const during = samples.filter((s) => s.at >= outage!.from && s.at <= recoveredAt);
      const statuses = [...new Set(during.filter((s) => !s.ok).map((s) => s.status))];
      console.log(
        `outage: restart took ${outage.to - outage.from} ms; ${errors.length} failed requests (statuses ${statuses.join(", ") || "-"}); ` +
          `recovered ${recoveryMs} ms after the restart finished; the app process stayed up: ${alive}`,
      );
      const before = samples.filter((s) => s.at < outage!.from && !s.ok);
      if (before.length) {
        failed = true;
        console.error(`[loadtest] FAIL: ${before.length} errors before the restart`);
      }
      if (recoveryMs > RECOVERY_LIMIT_MS) {
        failed = true;
        console.error(`[loadtest] FAIL: still failing ${recoveryMs} ms after the restart`);
      }
    }
    console.log(`[loadtest] app log: ${logFile}`);
  } finally {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 1000));
    }
    await pool.end().catch(() => {});
    if (created) {
      const dropper = new pg.Client({ connectionString: SERVER_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    }
  }
  console.log(failed ? "[loadtest] FAILED" : "[loadtest] passed");
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
