import { execSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { measure, summarise, type Summary } from "../tests/bench/load";

// `npm run bench`: the built app against the province-scale database of `npm run bench:data`,
// measured at 1, 10 and 50 concurrent signed-in users with a small closed-loop load generator (keep-
// alive HTTP, one session per simulated user). It also runs tests/bench/in-process.run.ts for the
// dashboards' SQL alone and the two writes, then writes docs/benchmarks.json and the table between
// the markers of docs/benchmarks.md.
//
// The dashboards are measured cold and warm. Cold: the bench commits a write to a table the
// dashboards read (through its own connection, as another instance would) before each request, so
// the request finds its aggregates' cache outdated and runs their SQL; the write is not timed. Warm:
// no write in between, every session's figures read once before the clock starts.
//
// BENCH_INSTANCES (1) starts that many app instances over the database, on BENCH_PORT and the ports
// after it, each simulated user working on one of them (the export and its memory: the first).
//
// Environment: DATABASE_URL (the PostgreSQL server; the bench database is BENCH_DB, default
// bpm_bench, on it), BENCH_PORT (3204), BENCH_SECONDS per scenario and level (8), BENCH_LEVELS (1,10,50),
// BENCH_SCENARIOS (comma-separated name prefixes, e.g. `dashboard,dashboardSql`: only those run, and
// the figures go to a file under the temporary folder instead of docs/, which keeps a full run's).

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3204);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const LEVELS = (process.env.BENCH_LEVELS ?? "1,10,50").split(",").map(Number);
const YEAR = 2020;
const PASSWORD = "Demo@2021";
/** App instances over the one database (ports PORT, PORT+1, …): simulated users are spread over them. */
const INSTANCES = Math.max(1, Number(process.env.BENCH_INSTANCES ?? 1));
const baseOf = (instance: number) => `http://127.0.0.1:${PORT + instance}`;
const ONLY = process.env.BENCH_SCENARIOS?.split(",").filter(Boolean);
const wanted = (name: string) => !ONLY || ONLY.some((p) => name.startsWith(p));
const HTTP_SCENARIOS = [
  "dashboard.district.cold",
  "dashboard.district.warm",
  "dashboard.province.cold",
  "dashboard.province.warm",
  "projects.page1",
  "projects.page500",
  "projects.filter",
  "projects.search",
  "project.detail",
  "export",
];

type Session = { cookie: string; base: string };
type Scenario = {
  name: string;
  sessions: Session[];
  path: (i: number) => string;
  /** Untimed, before each request (the cold dashboards' write). */
  before?: () => Promise<unknown>;
  /** Read once with every session before the clock starts (the warm dashboards). */
  warmEverySession?: boolean;
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function request(
  method: string,
  urlPath: string,
  opts: { cookie?: string; body?: string; headers?: Record<string, string>; base?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${opts.base ?? baseOf(0)}${urlPath}`,
      {
        method,
        agent,
        headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const cookiesOf = (h: http.IncomingHttpHeaders) => (h["set-cookie"] ?? []).map((c) => c.split(";")[0]!);

/** Sign in through next-auth's credentials endpoint, as the sign-in form does. */
async function signIn(username: string, base = baseOf(0)): Promise<Session> {
  const csrf = await request("GET", "/api/auth/csrf", { base });
  const jar = cookiesOf(csrf.headers);
  const { csrfToken } = JSON.parse(csrf.body.toString()) as { csrfToken: string };
  const res = await request("POST", "/api/auth/callback/credentials", {
    base,
    cookie: jar.join("; "),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, username, password: PASSWORD, json: "true" }).toString(),
  });
  const session = cookiesOf(res.headers).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in of ${username} failed (${res.status})`);
  return { cookie: [...jar, session].join("; "), base };
}

async function getOk(s: Session, p: string) {
  const res = await request("GET", p, { cookie: s.cookie, base: s.base });
  if (res.status !== 200) throw new Error(`${p}: HTTP ${res.status}`);
  return res;
}

/** Resident memory of the server and its child processes, in MB. */
function rssMb(pid: number): number {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      const kids = fs.readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, "utf8").trim();
      if (kids) pids.push(...kids.split(/\s+/).map(Number));
    } catch {
      /* gone */
    }
  }
  let kb = 0;
  for (const p of pids) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      kb += Number(m?.[1] ?? 0);
    } catch {
      /* gone */
    }
  }
  return Math.round(kb / 1024);
}

async function waitUp(server: ChildProcess, base: string) {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error("the app exited before it was up");
    try {
      const res = await request("GET", "/login", { base });
      if (res.status === 200) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the app did not come up in 2 minutes");
}

async function timed(concurrency: number, s: Scenario): Promise<Summary> {
  // Closed loop for SECONDS: each worker (its own session) asks again as soon as it has its answer.
  const run = await measure(
    concurrency,
    Number.MAX_SAFE_INTEGER,
    (i) => getOk(s.sessions[(i % concurrency) % s.sessions.length]!, s.path(i)),
    SECONDS,
    s.before,
  );
  return summarise(concurrency, run);
}

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    console.error("[bench] DATABASE_URL must name the PostgreSQL server that holds the bench database");
    process.exit(2);
  }
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${process.env.BENCH_DB ?? "bpm_bench"}`;
  const client = new pg.Client({ connectionString: dbUrl.toString() });
  await client.connect().catch(() => {
    console.error("[bench] no bench database: run `npm run bench:data` first");
    process.exit(2);
  });
  const q = async <T>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as T[];
  const [{ districts }] = await q<{ districts: number }>("select count(*)::int as districts from districts");
  const [{ projects }] = await q<{ projects: number }>(
    "select count(*)::int as projects from projects where year = $1",
    [YEAR],
  );
  const [{ version: pgVersion }] = await q<{ version: string }>(
    "select current_setting('server_version') as version",
  );
  console.log(`[bench] ${districts} districts, ${projects.toLocaleString("en")} projects in ${YEAR}`);

  // The HTTP part's figures are kept in a file first: BENCH_REUSE_HTTP=<that file> runs only the
  // in-process part again.
  const results: Record<string, Summary[]> = {};
  const out: Record<string, unknown> = {};
  const httpFile =
    process.env.BENCH_REUSE_HTTP ?? path.join(os.tmpdir(), `bpm-bench-http-${process.pid}.json`);
  if (process.env.BENCH_REUSE_HTTP) {
    const saved = JSON.parse(fs.readFileSync(httpFile, "utf8")) as {
      results: typeof results;
      out: typeof out;
    };
    Object.assign(results, saved.results);
    Object.assign(out, saved.out);
  } else if (HTTP_SCENARIOS.some(wanted)) {
    await httpPart(dbUrl, q, districts, results, out);
    fs.writeFileSync(httpFile, JSON.stringify({ results, out }));
    console.log(`[bench] HTTP figures kept in ${httpFile}`);
  }

  // The dashboards' SQL alone, the self-evaluation submit and the draw, in-process.
  const inProcessFile = path.join(os.tmpdir(), `bpm-bench-${process.pid}.json`);
  const vitest = spawnSync("npx", ["vitest", "run", "--config", "vitest.bench.mts"], {
    cwd: ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      BENCH_DATABASE_URL: dbUrl.toString(),
      BENCH_OUT: inProcessFile,
      BENCH_LEVELS: LEVELS.join(","),
      // The dashboards' SQL alone: without the aggregate cache.
      AGGREGATE_CACHE_ENTRIES: "0",
    },
  });
  if (vitest.status !== 0 || !fs.existsSync(inProcessFile)) throw new Error("the in-process part failed");
  const inProcess = JSON.parse(fs.readFileSync(inProcessFile, "utf8")) as {
    results: Record<string, Summary[]>;
    draw?: { ms: number; population: number; sampleSize: number };
  };
  Object.assign(results, inProcess.results);
  if (inProcess.draw) out.draw = { ...inProcess.draw, ms: Math.round(inProcess.draw.ms) };

  // app ÷ SQL: the page's median at one user, cold (its aggregates' SQL runs), against the same
  // queries' median alone; and the warm page's median against the same.
  const ratio = (app: string, sqlName: string) => {
    const a = results[app]?.find((r) => r.concurrency === 1)?.p50;
    const s = results[sqlName]?.find((r) => r.concurrency === 1)?.p50;
    return a && s ? Math.round((a / s) * 100) / 100 : null;
  };
  out.appOverSql = {
    district: ratio("dashboard.district.cold", "dashboardSql.district"),
    province: ratio("dashboard.province.cold", "dashboardSql.province"),
    districtWarm: ratio("dashboard.district.warm", "dashboardSql.district"),
    provinceWarm: ratio("dashboard.province.warm", "dashboardSql.province"),
  };
  const loadavg = os.loadavg().map((l) => Math.round(l * 10) / 10);
  const report = {
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "",
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      loadavgAtEnd: loadavg,
      os: `${os.type()} ${os.release()}`,
    },
    versions: {
      node: process.version,
      postgres: pgVersion,
      next: (
        JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/next/package.json"), "utf8")) as {
          version: string;
        }
      ).version,
      commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).stdout.toString().trim(),
    },
    data: { districts, projectsInYear: projects, year: YEAR },
    appInstances: INSTANCES,
    secondsPerLevel: SECONDS,
    results,
    ...out,
  };
  await client.end();
  if (ONLY) {
    const partial = path.join(os.tmpdir(), `bpm-bench-partial-${process.pid}.json`);
    fs.writeFileSync(partial, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`[bench] BENCH_SCENARIOS=${ONLY.join(",")}: figures in ${partial}; docs/ untouched`);
    return;
  }
  fs.writeFileSync(path.join(ROOT, "docs/benchmarks.json"), `${JSON.stringify(report, null, 2)}\n`);
  writeMarkdown(report);
  spawnSync("npx", ["prettier", "--write", "docs/benchmarks.md", "docs/benchmarks.json"], { cwd: ROOT });
  console.log("[bench] wrote docs/benchmarks.json and the table in docs/benchmarks.md");
}

async function httpPart(
  dbUrl: URL,
  q: <T>(text: string, values?: unknown[]) => Promise<T[]>,
  districts: number,
  results: Record<string, Summary[]>,
  out: Record<string, unknown>,
) {
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID")) || process.env.BENCH_BUILD === "true") {
    console.log("[bench] building the app");
    const built = spawnSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit" });
    if (built.status !== 0) process.exit(1);
  }
  const servers: ChildProcess[] = [];
  for (let n = 0; n < INSTANCES; n++) {
    try {
      execSync(`fuser -k ${PORT + n}/tcp`, { stdio: "ignore" });
    } catch {
      /* the port was free */
    }
    servers.push(
      spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT + n), "-H", "127.0.0.1"], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: dbUrl.toString(),
          NEXTAUTH_URL: baseOf(n),
          NODE_ENV: "production",
        },
        stdio: ["ignore", "ignore", "inherit"],
      }),
    );
  }
  const server = servers[0]!;
  try {
    for (const [n, s] of servers.entries()) await waitUp(s, baseOf(n));
    const maxC = Math.max(...LEVELS);
    // One session per simulated user: district administrators of districts 2‥maxC+1, and as many
    // sign-ins of the province administrator (each its own server-side session). With several
    // instances, user i works on instance i mod N throughout, as a load balancer would spread them.
    const districtUsers: Session[] = [];
    const provinceUsers: Session[] = [];
    for (let i = 0; i < maxC; i++) {
      const base = baseOf(i % INSTANCES);
      districtUsers.push(await signIn(`d${2 + (i % (districts - 1))}_finance_admin`, base));
      provinceUsers.push(await signIn("province_admin", base));
    }
    const ids = (
      await q<{ id: string }>("select id from projects where year = $1 order by md5(id::text) limit 500", [
        YEAR,
      ])
    ).map((r) => r.id);
    // A committed write to a table the dashboards read that changes nothing: every instance's cached
    // aggregates are outdated after it.
    const write = () => q("update fiscal_years set year = year where year = $1", [YEAR]);
    const dashboard = () => `/dashboard?year=${YEAR}`;
    const scenarios: Scenario[] = [
      { name: "dashboard.district.cold", sessions: districtUsers, path: dashboard, before: write },
      { name: "dashboard.district.warm", sessions: districtUsers, path: dashboard, warmEverySession: true },
      { name: "dashboard.province.cold", sessions: provinceUsers, path: dashboard, before: write },
      { name: "dashboard.province.warm", sessions: provinceUsers, path: dashboard, warmEverySession: true },
      { name: "projects.page1", sessions: provinceUsers, path: () => `/projects?year=${YEAR}` },
      { name: "projects.page500", sessions: provinceUsers, path: () => `/projects?year=${YEAR}&page=500` },
      {
        name: "projects.filter",
        sessions: provinceUsers,
        path: () => `/projects?year=${YEAR}&kind=GOV_INVESTMENT&stage=SELF_EVALUATION`,
      },
      {
        name: "projects.search",
        sessions: provinceUsers,
        path: () => `/projects?year=${YEAR}&q=${encodeURIComponent("校舍")}`,
      },
      { name: "project.detail", sessions: provinceUsers, path: (i) => `/projects/${ids[i % ids.length]}` },
    ];
    for (const s of scenarios.filter((x) => wanted(x.name))) {
      await getOk(s.sessions[0]!, s.path(0)); // warm the route
      results[s.name] = [];
      for (const c of LEVELS) {
        if (s.warmEverySession) for (const session of s.sessions.slice(0, c)) await getOk(session, s.path(0));
        const r = await timed(c, s);
        results[s.name]!.push(r);
        console.log(`[bench] ${s.name} c=${c}`, JSON.stringify(r));
      }
    }

    if (!wanted("export")) return;
    // Export: the filter whose row count is nearest 50,000, over all years, by the province administrator.
    const words = ["服务", "经费", "建设", "工程", "管理"];
    const counts = await Promise.all(
      words.map(async (w) => ({
        w,
        n: (
          await q<{ n: number }>("select count(*)::int n from projects where name ilike $1", [`%${w}%`])
        )[0]!.n,
      })),
    );
    const pick = counts.sort((a, b) => Math.abs(a.n - 50_000) - Math.abs(b.n - 50_000))[0]!;
    const before = rssMb(server.pid!);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid!))), 50);
    const t0 = performance.now();
    const file = await getOk(provinceUsers[0]!, `/projects/export?year=all&q=${encodeURIComponent(pick.w)}`);
    const exportMs = performance.now() - t0;
    clearInterval(sampler);
    out.export = {
      rows: pick.n,
      ms: Math.round(exportMs),
      bytes: file.body.length,
      rssBeforeMb: before,
      rssPeakMb: peak,
      growthMb: peak - before,
    };
    console.log("[bench] export", JSON.stringify(out.export));
  } finally {
    for (const s of servers) s.kill("SIGTERM");
    agent.destroy();
  }
}

function writeMarkdown(report: {
  at: string;
  machine: { cpus: number; cpu: string; memoryGb: number; loadavgAtEnd: number[]; os: string };
  versions: Record<string, string>;
  data: { districts: number; projectsInYear: number };
  results: Record<string, Summary[]>;
  [k: string]: unknown;
}) {
  const lines = [
    `Run ${report.at}: ${report.data.districts} districts, ${report.data.projectsInYear.toLocaleString("en")} projects in the year; ` +
      `${report.machine.cpus} × ${report.machine.cpu}, ${report.machine.memoryGb} GB, load average at the end ${report.machine.loadavgAtEnd.join(" / ")}; ` +
      `Node ${report.versions.node}, PostgreSQL ${report.versions.postgres}, Next.js ${report.versions.next}, commit ${report.versions.commit}.`,
    "",
    "| scenario | users | requests | errors | req/s | p50 ms | p95 ms | p99 ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const [name, rows] of Object.entries(report.results))
    for (const r of rows)
      lines.push(
        `| ${name} | ${r.concurrency} | ${r.requests} | ${r.errors} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} |`,
      );
  lines.push(
    "",
    "```json",
    JSON.stringify({ export: report.export, draw: report.draw, appOverSql: report.appOverSql }, null, 2),
    "```",
  );
  const file = path.join(ROOT, "docs/benchmarks.md");
  const doc = fs.existsSync(file)
    ? fs.readFileSync(file, "utf8")
    : "# Benchmarks\n\n<!-- bench:start -->\n<!-- bench:end -->\n";
  const start = doc.indexOf("<!-- bench:start -->");
  const end = doc.indexOf("<!-- bench:end -->");
  const next =
    start >= 0 && end > start
      ? `${doc.slice(0, start)}<!-- bench:start -->\n${lines.join("\n")}\n${doc.slice(end)}`
      : `${doc}\n<!-- bench:start -->\n${lines.join("\n")}\n<!-- bench:end -->\n`;
  fs.writeFileSync(file, next);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
