import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD, signIn, signOut } from "./helpers";

// Several app instances behind a load balancer over one PostgreSQL database (docs/deployment.md):
// two `next start` processes of the built app start at the same moment on one fresh, empty database,
// and a small reverse proxy in this test sends the browser's requests to the one the test chooses.
// Needs a PostgreSQL server, so it runs only when DATABASE_URL is set (`npm test` with DATABASE_URL).
test.skip(!process.env.DATABASE_URL, "needs a PostgreSQL server (DATABASE_URL)");
test.describe.configure({ mode: "serial" });

type Instance = { name: "A" | "B"; port: number; child: ChildProcess; log: string[] };

const instances: Instance[] = [];
let proxy: http.Server;
let proxyUrl = "";
let target: Instance;
const served = { A: 0, B: 0 };
let adminUrl = "";
let dbName = "";
let dbUrl = "";
let workdir = "";

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Ports from MULTI_INSTANCE_PORTS ("3211,3212"), else two the system has free. */
async function instancePorts(): Promise<[number, number]> {
  const given = (process.env.MULTI_INSTANCE_PORTS ?? "").split(",").map(Number).filter(Boolean);
  if (given.length === 2) return [given[0]!, given[1]!];
  return [await freePort(), await freePort()];
}

/** A reverse proxy as in front of the instances: keeps the public Host, adds X-Forwarded-For and -Proto. */
function startProxy(): Promise<void> {
  proxy = http.createServer((req, res) => {
    const upstream = target;
    served[upstream.name] += 1;
    const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress]
      .filter(Boolean)
      .join(", ");
    const out = http.request(
      {
        host: "127.0.0.1",
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, "x-forwarded-for": forwardedFor, "x-forwarded-proto": "http" },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(out);
  });
  return new Promise((resolve) =>
    proxy.listen(0, "127.0.0.1", () => {
      proxyUrl = `http://localhost:${(proxy.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

async function waitUntilServing(instance: Instance, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (instance.child.exitCode !== null)
      throw new Error(`instance ${instance.name} exited:\n${instance.log.join("")}`);
    const status = await fetch(`http://127.0.0.1:${instance.port}/login`)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`instance ${instance.name} did not come up:\n${instance.log.join("")}`);
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function via(name: "A" | "B"): void {
  target = instances.find((i) => i.name === name)!;
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  adminUrl = process.env.DATABASE_URL!;
  dbName = `bpm_multi_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  dbUrl = url.toString();

  // What the instances share besides the database: the session signing key's file (not there yet: the
  // first instance to start makes it, the other reads it) and the attachments folder.
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), "bpm-multi-"));
  const secretFile = path.join(workdir, "auth-secret");
  await startProxy();

  const ports = await instancePorts();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: dbUrl,
    AUTH_SECRET_FILE: secretFile,
    UPLOAD_DIR: path.join(workdir, "uploads"),
    NEXTAUTH_URL: proxyUrl,
    SEED_ON_START: "true",
    LOCKOUT_ATTEMPTS: "4",
    // Every sign-in here comes from one address: only the account lock is under test.
    SIGNIN_ADDRESS_ATTEMPTS: "1000",
    NODE_ENV: "production",
  };
  delete env.NEXTAUTH_SECRET;
  delete env.PGLITE_DIR;
  // Both at the same moment, on the empty database: each runs the migrations and the seed at start-up.
  for (const [i, name] of (["A", "B"] as const).entries()) {
    const child = spawn("node_modules/.bin/next", ["start", "-p", String(ports[i])], {
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const instance: Instance = { name, port: ports[i]!, child, log: [] };
    child.stdout!.on("data", (d: Buffer) => instance.log.push(d.toString()));
    child.stderr!.on("data", (d: Buffer) => instance.log.push(d.toString()));
    instances.push(instance);
  }
  const deadline = Date.now() + 200_000;
  await Promise.all(instances.map((i) => waitUntilServing(i, deadline)));
});

test.afterAll(async () => {
  await Promise.all(
    instances.map(
      (i) =>
        new Promise<void>((resolve) => {
          if (i.child.exitCode !== null || !i.child.pid) return resolve();
          i.child.once("exit", () => resolve());
          process.kill(-i.child.pid, "SIGTERM");
          setTimeout(() => {
            if (i.child.exitCode === null) process.kill(-i.child.pid!, "SIGKILL");
          }, 10_000).unref();
        }),
    ),
  );
  await new Promise((resolve) => proxy?.close(resolve));
  if (dbName) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  if (workdir) fs.rmSync(workdir, { recursive: true, force: true });
});

test("both instances start together on an empty database: the migrations and the seed run once", async () => {
  const journal = JSON.parse(fs.readFileSync("drizzle/meta/_journal.json", "utf8")) as { entries: unknown[] };
  const [applied] = await query<{ n: string }>("select count(*) as n from drizzle.__drizzle_migrations");
  expect(Number(applied!.n)).toBe(journal.entries.length);

  // One instance loaded the demo data; the other waited on the lock, then found it there.
  const logs = instances.map((i) => i.log.join(""));
  expect(logs.filter((l) => l.includes("[seed] demo data loaded")).length).toBe(1);
  for (const log of logs) expect(log).not.toContain("[startup] database not ready");
  const [users] = await query<{ n: string; names: string }>(
    "select count(*) as n, count(distinct username) as names from users",
  );
  expect(Number(users!.n)).toBeGreaterThan(0);
  expect(users!.n).toBe(users!.names);
});

async function openYear(page: Page, year: number) {
  await page.goto(`${proxyUrl}/settings/years/${year}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${year} 年度设置`);
}

test("signed in on one instance, the user carries on on the other; a write is seen at once, by the other's cached dashboard too; sign-out ends it on both", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: proxyUrl });
  const page = await context.newPage();

  via("A");
  await signIn(page, "finance_admin");
  via("B");
  await page.goto(`${proxyUrl}/dashboard`);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();

  // B's dashboard of 2021, read twice: its figures are in B's cache of aggregates from then on.
  const preAssessmentHint = page.locator("#main").getByText(/新增或重大且申报 ≥/);
  for (let i = 0; i < 2; i++) {
    await page.goto(`${proxyUrl}/dashboard?year=2021`);
    await expect(preAssessmentHint).toBeVisible();
    await expect(preAssessmentHint).not.toContainText("≥ 123.45 万元");
  }

  // The form rendered by B, its server action posted to A, the saved value read back from B.
  const before = (
    await query<{ t: string }>(
      "select pre_assessment_threshold::text as t from fiscal_years where year = 2021",
    )
  )[0];
  await openYear(page, 2021);
  await page.getByLabel("申报金额门槛").fill("1,234,500");
  via("A");
  const servedByA = served.A;
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("已保存 2021 年度设置");
  expect(served.A).toBeGreaterThan(servedByA);
  via("B");
  await openYear(page, 2021);
  await expect(page.getByLabel("申报金额门槛")).toHaveValue("1234500.00");
  const after = (
    await query<{ t: string }>(
      "select pre_assessment_threshold::text as t from fiscal_years where year = 2021",
    )
  )[0];
  expect(after!.t).not.toBe(before!.t);
  // The write went through A: B's dashboard no longer serves what it cached before it.
  await page.goto(`${proxyUrl}/dashboard?year=2021`);
  await expect(preAssessmentHint).toContainText("≥ 123.45 万元");

  // Sign-out on A; the same cookie, kept aside, no longer works on B.
  const kept = await context.cookies();
  via("A");
  await signOut(page);
  const copy = await browser.newContext({ baseURL: proxyUrl });
  await copy.addCookies(kept);
  const other = await copy.newPage();
  via("B");
  await other.goto(`${proxyUrl}/dashboard`);
  await expect(other).toHaveURL(/\/login/);
  await copy.close();
  await context.close();
});

test("failed sign-ins spread over both instances lock the account", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: proxyUrl });
  const page = await context.newPage();
  const tryPassword = async (password: string) => {
    await page.goto(`${proxyUrl}/login`);
    await page.getByLabel("用户名").fill("leader");
    await page.getByLabel("密码").fill(password);
    await page.getByRole("button", { name: "登录" }).click();
  };
  // LOCKOUT_ATTEMPTS is 4: two wrong passwords on each instance.
  for (const name of ["A", "B", "A", "B"] as const) {
    via(name);
    await tryPassword("wrong-password");
    await expect(page.getByText("用户名或密码错误")).toBeVisible();
  }
  const [row] = await query<{ locked: boolean }>(
    "select locked_until > now() as locked from users where username = 'leader'",
  );
  expect(row!.locked).toBe(true);
  // The right password is refused now, on either instance.
  via("A");
  await tryPassword(DEMO_PASSWORD);
  await expect(page.getByText("用户名或密码错误")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});
