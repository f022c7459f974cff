import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { chainHash, verifyAuditChain } from "@/features/audit/chain";
import { verifyChainDef, verifyChainRun } from "@/features/audit/definitions";
import { createUserDef, createUserRun } from "@/features/users/definitions";
import { writeAudit } from "@/server/audit";
import { runAction } from "@/server/action-client";
import { db, queryRows, type DbOrTx } from "@/server/db";
import { auditLog, users } from "@/server/schema";
import { orgIds } from "@/server/seed/seed";
import type { CurrentUser } from "@/server/session";
import { catalogTranslator, uniqueName } from "../factories/messages";
import { signedIn } from "../factories/users";

// The rows this file writes carry its own marker as entity id; it edits or removes rows only inside
// transactions it rolls back, so the shared log stays intact for every other test file.
const marker = uniqueName("it_chain");
const actor = { id: "00000000-0000-4000-8000-000000000001", username: marker, role: "AUDITOR" as const };

async function appendOwn(db: DbOrTx, n: number): Promise<number[]> {
  for (let i = 0; i < n; i++)
    await writeAudit(db, { actor, action: "audit.exported", entityType: "audit_log", entityId: marker });
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(eq(auditLog.entityId, marker))
    .orderBy(auditLog.id);
  return rows.map((r) => r.id);
}

class Rollback extends Error {}

/** Run `tamper` as a superuser outside the app would (triggers off), verify, and undo everything. */
async function verifyAfterTampering(
  tamper: (tx: DbOrTx) => Promise<void>,
  prepare: (tx: DbOrTx) => Promise<void> = async () => undefined,
) {
  let report: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
  await db
    .transaction(async (tx) => {
      await prepare(tx);
      await tx.execute(sql`set local session_replication_role = replica`);
      await tamper(tx);
      await tx.execute(sql`set local session_replication_role = origin`);
      report = await verifyAuditChain(tx);
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return report!;
}

let ids: number[];

beforeAll(async () => {
  ids = await appendOwn(db, 3);
});

describe("the audit log's hash chain", () => {
  it("links every row to the one before it, and the verify walk finds the chain intact", async () => {
    const [first, second] = await db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.id, ids.slice(1, 3)))
      .orderBy(auditLog.id);
    const [canonical] = await queryRows<{ c: string }>(
      db,
      sql`select audit_log_canonical(audit_log) c from audit_log where id = ${second!.id}`,
    );
    expect(second!.hash).toBe(chainHash(second!.prevHash, canonical!.c));
    expect(second!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second!.prevHash).not.toBeNull();
    if (second!.id === first!.id + 1) expect(second!.prevHash).toBe(first!.hash);

    const report = await verifyAuditChain(db, { batchSize: 7 });
    expect(report).toMatchObject({ ok: true });
    expect(report.rows).toBeGreaterThanOrEqual(3);
  });

  it("stays one chain when many transactions append at once", async () => {
    const many = uniqueName("it_chain_many");
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.transaction(async (tx) => {
          await writeAudit(tx, { actor, action: "audit.exported", entityType: "audit_log", entityId: many });
          await writeAudit(tx, {
            actor,
            action: "audit.exported",
            entityType: "audit_log",
            entityId: `${many}-${i}`,
          });
        }),
      ),
    );
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true });
    const [n] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from audit_log where entity_id like ${`${many}%`}`,
    );
    expect(n!.n).toBe(24);
  });

  it("reports the row edited outside the app", async () => {
    const target = ids[1]!;
    const report = await verifyAfterTampering(async (tx) => {
      await tx.execute(sql`update audit_log set action = 'user.created' where id = ${target}`);
    });
    expect(report).toMatchObject({ ok: false, brokenAt: target, reason: "edited" });
  });

  it("reports an edit whose hash was recomputed at the row after it", async () => {
    const target = ids[1]!;
    const [next] = await queryRows<{ id: string }>(
      db,
      sql`select min(id) id from audit_log where id > ${target}`,
    );
    const report = await verifyAfterTampering(async (tx) => {
      await tx.execute(sql`update audit_log set ip = '1.2.3.4' where id = ${target}`);
      const [c] = await queryRows<{ c: string; p: string }>(
        tx,
        sql`select audit_log_canonical(audit_log) c, prev_hash p from audit_log where id = ${target}`,
      );
      await tx.execute(sql`update audit_log set hash = ${chainHash(c!.p, c!.c)} where id = ${target}`);
    });
    expect(report).toMatchObject({ ok: false, brokenAt: Number(next!.id), reason: "gap" });
  });

  it("reports a removed row at the row that followed it", async () => {
    const target = ids[1]!;
    const [next] = await queryRows<{ id: string }>(
      db,
      sql`select min(id) id from audit_log where id > ${target}`,
    );
    const report = await verifyAfterTampering(async (tx) => {
      await tx.execute(sql`delete from audit_log where id = ${target}`);
    });
    expect(report).toMatchObject({ ok: false, brokenAt: Number(next!.id), reason: "gap" });
  });

  it("reports a cut-off tail", async () => {
    let last = 0;
    const report = await verifyAfterTampering(
      async (tx) => {
        await tx.execute(sql`delete from audit_log where id = ${last}`);
      },
      // Appending first makes this transaction's row the last one (the head stays locked until rollback).
      async (tx) => {
        const own = await appendOwn(tx, 1);
        last = own[own.length - 1]!;
      },
    );
    expect(report).toMatchObject({ ok: false, brokenAt: last, reason: "tail" });
  });

  it("still refuses the application's own UPDATE and DELETE", async () => {
    await expect(db.execute(sql`update audit_log set action = 'x' where id = ${ids[0]!}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log where id = ${ids[0]!}`)).rejects.toThrow();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});

describe("an action and its audit rows commit together", () => {
  let admin: CurrentUser;
  let t: (key: string) => string;
  beforeAll(async () => {
    admin = await signedIn("sysadmin");
    t = await catalogTranslator();
  });

  it("a change whose audit row cannot be written is not made", async () => {
    const username = uniqueName("it_noaudit");
    const raw = {
      username,
      displayName: "审计失败",
      role: "DEPT_FILER",
      orgId: orgIds.unit("D01", 2),
      password: "Start#2024",
    };
    // PostgreSQL refuses a NUL character in text: the audit insert fails after the user row was written.
    const broken = await runAction(createUserDef, createUserRun, {
      user: admin,
      raw,
      meta: { ip: "10.0.0.1\u0000", userAgent: "vitest" },
      t,
    });
    expect(broken).toMatchObject({ ok: false, code: "INTERNAL" });
    expect(await db.select().from(users).where(eq(users.username, username))).toHaveLength(0);

    // The same request with a writable audit row goes through, with its row.
    const fine = await runAction(createUserDef, createUserRun, {
      user: admin,
      raw,
      meta: { ip: "10.0.0.1", userAgent: "vitest" },
      t,
    });
    expect(fine.ok).toBe(true);
    const [created] = await db.select().from(users).where(eq(users.username, username));
    const rows = await db.select().from(auditLog).where(eq(auditLog.entityId, created!.id));
    expect(rows.map((r) => [r.action, r.result, r.actorRole])).toEqual([
      ["user.created", "SUCCESS", "SYS_ADMIN"],
    ]);
  });

  it("a refusal for the role is audited as refused, with the role", async () => {
    const leader = await signedIn("leader");
    const before = await verifyAuditChain(db);
    const result = await runAction(createUserDef, createUserRun, {
      user: leader,
      raw: { username: uniqueName("it_refused") },
      meta: { ip: "10.0.0.9", userAgent: marker },
      t,
    });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const rows = await db.select().from(auditLog).where(eq(auditLog.userAgent, marker));
    expect(rows.map((r) => [r.action, r.result, r.actorRole, r.changes])).toEqual([
      ["access.denied", "DENIED", "LEADER", { action: "createUser", code: "FORBIDDEN" }],
    ]);
    expect(before.ok).toBe(true);
  });
});

describe("the audit page's integrity check", () => {
  it("is the auditor's: it reports the chain intact and is itself audited; others are refused", async () => {
    const t = await catalogTranslator();
    const auditor = await signedIn("auditor");
    const ua = `${marker}-verify`;
    const result = await runAction(verifyChainDef, verifyChainRun, {
      user: auditor,
      raw: {},
      meta: { ip: "10.0.0.3", userAgent: ua },
      t,
    });
    expect(result).toMatchObject({ ok: true, data: { ok: true } });
    const rows = await db.select().from(auditLog).where(eq(auditLog.userAgent, ua));
    expect(rows.map((r) => [r.action, r.result, r.actorRole])).toEqual([
      ["audit.verified", "SUCCESS", "AUDITOR"],
    ]);

    const admin = await signedIn("sysadmin");
    const refused = await runAction(verifyChainDef, verifyChainRun, {
      user: admin,
      raw: {},
      meta: { ip: "10.0.0.3", userAgent: ua },
      t,
    });
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
