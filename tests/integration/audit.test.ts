import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { exportAuditLog } from "@/features/audit/export";
import { auditExportBatch, listAuditLog } from "@/features/audit/queries";
import { auditFilterSchema, type AuditFilter } from "@/features/audit/schemas";
import { db } from "@/server/db";
import { inBatches } from "@/server/excel";
import { auditLog } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { signedIn } from "../factories/users";

// Rows of our own, far in the future and under a name no one else uses, so the filters can be checked
// exactly even while other test files write to the same log.
const marker = `it_audit_${process.pid % 10000}_${Date.now() % 100000}`;
const entity = `${marker}-entity`;
let auditor: CurrentUser;

const filter = (raw: Record<string, string>): AuditFilter => auditFilterSchema.parse(raw);

beforeAll(async () => {
  auditor = await signedIn("auditor");
  await db.insert(auditLog).values([
    // 2031-03-01 23:59:59 in Shanghai
    {
      at: new Date("2031-03-01T15:59:59Z"),
      actorUsername: `${marker}_a`,
      actorRole: "DEPT_FILER",
      action: "auth.signedIn",
      result: "SUCCESS",
      ip: "10.9.8.1",
    },
    // 2031-03-02 00:00:00 in Shanghai
    {
      at: new Date("2031-03-01T16:00:00Z"),
      actorUsername: `${marker}_a`,
      actorRole: "DEPT_FILER",
      action: "auth.signInFailed",
      result: "FAILURE",
      ip: "10.9.8.2",
      changes: { reason: "password" },
    },
    {
      at: new Date("2031-03-02T10:00:00Z"),
      actorUsername: `${marker}_b`,
      actorRole: "LEADER",
      action: "access.denied",
      result: "DENIED",
      entityType: "project",
      entityId: entity,
    },
    // A failed sign-in under a name that does not exist: no actor, the name tried is in the changes.
    {
      at: new Date("2031-03-03T02:00:00Z"),
      actorUsername: null,
      action: "auth.signInFailed",
      result: "FAILURE",
      changes: { username: `${marker}_ghost`, reason: "unknown" },
    },
  ]);
});

async function usersOf(raw: Record<string, string>): Promise<string[]> {
  const list = await listAuditLog(auditor, filter({ user: marker, ...raw }));
  return list!.rows.map(
    (r) => `${r.actorUsername ?? (r.changes as { username: string }).username}:${r.action}`,
  );
}

describe("the audit log's filters", () => {
  it("finds a user's rows by part of the name, whatever the case, newest first, unknown names included", async () => {
    expect(await usersOf({ user: marker.toUpperCase() })).toEqual([
      `${marker}_ghost:auth.signInFailed`,
      `${marker}_b:access.denied`,
      `${marker}_a:auth.signInFailed`,
      `${marker}_a:auth.signedIn`,
    ]);
    expect(await usersOf({ user: `${marker}_a` })).toHaveLength(2);
  });

  it("treats % and _ in the name as plain characters", async () => {
    const list = await listAuditLog(auditor, filter({ user: `${marker.replace(/_/g, "%")}` }));
    expect(list!.total).toBe(0);
  });

  it("filters by action and by result", async () => {
    expect(await usersOf({ action: "auth.signInFailed" })).toEqual([
      `${marker}_ghost:auth.signInFailed`,
      `${marker}_a:auth.signInFailed`,
    ]);
    expect(await usersOf({ result: "DENIED" })).toEqual([`${marker}_b:access.denied`]);
    expect(await usersOf({ result: "SUCCESS" })).toEqual([`${marker}_a:auth.signedIn`]);
  });

  it("filters by days in Asia/Shanghai, both ends included", async () => {
    expect(await usersOf({ from: "2031-03-01", to: "2031-03-01" })).toEqual([`${marker}_a:auth.signedIn`]);
    expect(await usersOf({ from: "2031-03-02", to: "2031-03-02" })).toEqual([
      `${marker}_b:access.denied`,
      `${marker}_a:auth.signInFailed`,
    ]);
    expect(await usersOf({ from: "2031-03-03" })).toEqual([`${marker}_ghost:auth.signInFailed`]);
    expect(await usersOf({ to: "2031-02-28" })).toEqual([]);
  });

  it("filters by record id", async () => {
    const list = await listAuditLog(auditor, filter({ entity }));
    expect(list!.rows.map((r) => r.actorUsername)).toEqual([`${marker}_b`]);
  });

  it("reports an end date before the start date on the end date", () => {
    const parsed = auditFilterSchema.safeParse({ from: "2031-03-02", to: "2031-03-01" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["to", "dateRange"]]);
  });

  it("ignores filter values it does not know rather than failing", () => {
    expect(filter({ action: "drop table", result: "MAYBE", from: "yesterday", page: "-3" })).toMatchObject({
      action: undefined,
      result: undefined,
      from: "",
      page: 1,
    });
  });

  it("reads the export in keyset batches without losing or repeating a row", async () => {
    const f = filter({ user: marker });
    const ids: number[] = [];
    for await (const row of inBatches(
      async (before: number | null, size) => (await auditExportBatch(auditor, f, before, size))!,
      (r) => r.id,
      3,
    )) {
      ids.push(row.id);
    }
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });
});

describe("the audit log is for the audit administrator only", () => {
  const others = [
    "finance_admin",
    "finance_reviewer",
    "expert",
    "dept_filer",
    "dept_approver",
    "agency",
    "leader",
    "sysadmin",
  ];

  it.each(others)("%s reads nothing and is refused the export, which is audited", async (username) => {
    const user = await signedIn(username);
    expect(await listAuditLog(user, filter({ user: marker }))).toBeNull();
    expect(await auditExportBatch(user, filter({ user: marker }), null, 10)).toBeNull();
    const response = await exportAuditLog(user, { user: marker });
    expect(response.status).toBe(404);
    const denied = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, "access.denied")));
    expect(denied.some((r) => (r.changes as { action?: string }).action === "exportAuditLog")).toBe(true);
    const exported = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, "audit.exported")));
    expect(exported).toHaveLength(0);
  });

  it("answers 401 to no one signed in", async () => {
    expect((await exportAuditLog(null, {})).status).toBe(401);
  });
});
