import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import { runAction } from "@/server/action-client";
import { db } from "@/server/db";
import { PERMISSIONS, type Permission } from "@/server/permissions";
import { auditLog, ROLES, type Role } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { keyTranslator, signedIn } from "../factories/users";

// 等保: a server action is a public POST endpoint. This walks every action the app defines against
// every role: a role the permission table does not name is refused before the action parses its input
// or touches the database, and the refusal is audited. Which records an allowed role may touch is each
// module's own integration test; this proves no action was left without its gate.

const FEATURES = path.resolve(__dirname, "../../src/features");
const meta = { ip: "127.0.9.41", userAgent: "authorization-matrix" };
const ACCOUNT_OF: Record<Role, string> = {
  FINANCE_ADMIN: "finance_admin",
  FINANCE_REVIEWER: "finance_reviewer",
  EXPERT: "expert",
  DEPT_FILER: "dept_filer",
  DEPT_APPROVER: "dept_approver",
  AGENCY: "agency",
  LEADER: "leader",
  SYS_ADMIN: "sysadmin",
  AUDITOR: "auditor",
};

type Def = ActionDefinition<never>;
const isDefinition = (v: unknown): v is Def =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as Def).name === "string" &&
  typeof (v as Def).permission === "string" &&
  typeof (v as { schema?: { safeParse?: unknown } }).schema?.safeParse === "function";

function files(dir: string, name: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p, name) : name.test(f) ? [p] : [];
  });
}

type Run = (input: never, ctx: ActionContext) => Promise<unknown>;
const definitions: { file: string; def: Def; run: Run }[] = [];
const users = new Map<Role, CurrentUser>();

beforeAll(async () => {
  for (const file of files(FEATURES, /^definitions\.ts$/)) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [key, v] of Object.entries(mod)) {
      if (!isDefinition(v)) continue;
      // fooDefinition / fooDef runs as runFoo or fooRun, beside it.
      const base = key.replace(/Def(inition)?$/, "");
      const run = mod[`run${base[0]!.toUpperCase()}${base.slice(1)}`] ?? mod[`${base}Run`];
      if (typeof run !== "function") throw new Error(`${key} in ${file} has no run function beside it`);
      definitions.push({ file, def: v, run: run as Run });
    }
  }
  for (const role of ROLES) users.set(role, await signedIn(ACCOUNT_OF[role]));
});

describe("the authorization matrix over every action", () => {
  it("finds the app's actions, each with a unique name and a permission from the table", () => {
    expect(definitions.length).toBeGreaterThan(40);
    const names = definitions.map((d) => d.def.name);
    expect(new Set(names).size).toBe(names.length);
    for (const { def } of definitions) expect(Object.keys(PERMISSIONS), def.name).toContain(def.permission);
  });

  it("refuses every role the table does not name, before parsing or running, and audits it", async () => {
    let refusals = 0;
    for (const { def } of definitions) {
      const allowed: readonly Role[] = PERMISSIONS[def.permission as Permission];
      for (const role of ROLES) {
        if (allowed.includes(role)) continue;
        let ran = false;
        const result = await runAction(
          def,
          async () => {
            ran = true;
          },
          { user: users.get(role)!, raw: {}, meta, t: keyTranslator },
        );
        expect(result, `${def.name} as ${role}`).toMatchObject({ ok: false, code: "FORBIDDEN" });
        expect(ran, `${def.name} ran as ${role}`).toBe(false);
        refusals += 1;
      }
    }
    const [row] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "access.denied"),
          eq(auditLog.ip, meta.ip),
          sql`${auditLog.changes}->>'code' = 'FORBIDDEN'`,
        ),
      );
    expect(row!.n).toBeGreaterThanOrEqual(refusals);
    expect(refusals).toBeGreaterThan(100);
  });

  it("runs nothing for a signed-out caller", async () => {
    for (const { def } of definitions) {
      let ran = false;
      const result = await runAction(def, async () => void (ran = true), {
        user: null,
        raw: {},
        meta,
        t: keyTranslator,
      });
      expect(result, def.name).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
      expect(ran).toBe(false);
    }
  });

  it("answers malformed and hostile input with a clear refusal, never a crash, and writes nothing", async () => {
    const huge = "x".repeat(10 * 1024 * 1024);
    const hostile = [
      "<script>alert(1)</script>",
      "'; drop table projects; --",
      "\u0000\u0007\u001b[2J",
      huge,
      "-999999999999999999999",
      "1e309",
      "2021-02-30",
      "00000000-0000-0000-0000-000000000000",
    ];
    // Field names the app's forms use; each payload sets them all to one hostile value (or a list).
    const FIELDS = (
      "version id year name note decision agencyId projectId points comment sheetId reportId " +
      "evaluationId dueDate unit summary status operator noticeId minAmount lines kind intent groupId " +
      "description departmentId batchId user targetValue seed sector scopeRule sampleSize role result " +
      "requirements requirement reply recommendedAmount progress problems problem periodMonths " +
      "overallGoal org opinion occurredOn measures likelihood leadId indicators improvement groupCount " +
      "file executedReason entityType entityId deviationReasons departmentIds creditCode content " +
      "contactPhone agencyType actualValue active action amount username displayName password lineId"
    ).split(" ");
    // Every change an action makes is audited with the caller's address; a refused action's
    // transaction is rolled back with its audit rows, so none may appear from this address.
    const successes = async () =>
      (
        await db
          .select({ n: count() })
          .from(auditLog)
          .where(and(eq(auditLog.ip, meta.ip), eq(auditLog.result, "SUCCESS")))
      )[0]!.n;
    const before = await successes();
    for (const { def, run } of definitions) {
      // An action that takes no input at all (the audit chain check) finds nothing malformed in junk.
      const schema = def.schema as unknown as { safeParse: (v: unknown) => { success: boolean } };
      if (schema.safeParse({}).success) continue;
      const role = PERMISSIONS[def.permission as Permission][0]!;
      const payloads: unknown[] = [
        {},
        null,
        "not an object",
        ...hostile.map((v) => Object.fromEntries(FIELDS.map((f) => [f, v]))),
        Object.fromEntries(FIELDS.map((f) => [f, [hostile[0], hostile[1]]])),
        Object.fromEntries(FIELDS.map((f) => [f, { nested: hostile[1] }])),
      ];
      for (const raw of payloads) {
        const result = await runAction(def, run, {
          user: users.get(role)!,
          raw,
          meta,
          t: keyTranslator,
        });
        const sample = raw && typeof raw === "object" ? Object.values(raw)[0] : raw;
        const label = `${def.name} as ${role} with ${String(JSON.stringify(sample) ?? sample).slice(0, 40)}`;
        expect(result.ok, label).toBe(false);
        if (!result.ok) expect(result.code, label).not.toBe("INTERNAL");
      }
    }
    expect(await successes()).toBe(before);
  });

  it("builds every exported server action through the gated action client", () => {
    // A "use server" module exposes every export as a POST endpoint: it may only wrap definitions.
    const allowedImports = [
      /^next\/(cache|navigation|headers)$/,
      /^@\/server\/action-client$/,
      /^\.\/definitions$/,
      /^@\/i18n\/config$/,
    ];
    const serverFiles = files(path.resolve(__dirname, "../../src"), /\.tsx?$/).filter((f) =>
      /^\s*["']use server["']/.test(readFileSync(f, "utf8")),
    );
    expect(serverFiles.length).toBeGreaterThan(10);
    for (const f of serverFiles) {
      const src = readFileSync(f, "utf8");
      for (const m of src.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms)) {
        if (m[1]) continue;
        expect(
          allowedImports.some((re) => re.test(m[2]!)),
          `${path.relative(FEATURES, f)} imports ${m[2]}`,
        ).toBe(true);
      }
      if (!/preferences\/actions\.ts$/.test(f)) expect(src, f).toContain("authAction(");
    }
  });
});
