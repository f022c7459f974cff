import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runAction } from "@/server/action-client";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { auditLog, projects } from "@/server/schema";
import { keyTranslator, signedIn } from "../factories/users";

const meta = { ip: "127.0.0.5", userAgent: "vitest" };
const schema = z.object({ name: z.string().min(1, "required").max(10), amount: z.coerce.number().min(0) });
const def = { name: "testRename", permission: "projects.update" as const, schema };

describe("action client", () => {
  it("refuses a role without the permission, writes nothing, and audits the refusal", async () => {
    const user = await signedIn("leader");
    let ran = false;
    const result = await runAction(def, async () => (ran = true), {
      user,
      raw: { name: "x", amount: 1 },
      meta,
      t: keyTranslator,
    });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(ran).toBe(false);
    const denied = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "access.denied"), eq(auditLog.actorUsername, "leader")));
    expect(denied.at(-1)).toMatchObject({ result: "DENIED", ip: "127.0.0.5" });
  });

  it("puts validation errors on the field at fault and gives the typed values back", async () => {
    const user = await signedIn("dept_filer");
    const result = await runAction(def, async () => "unused", {
      user,
      raw: { name: "", amount: -1 },
      meta,
      t: keyTranslator,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("VALIDATION");
    expect(result.fieldErrors?.name).toEqual(["validation.required"]);
    expect(result.fieldErrors?.amount).toHaveLength(1);
    expect(result.values).toEqual({ name: "", amount: -1 });
  });

  it("rolls back every write of the action when it fails half way", async () => {
    const user = await signedIn("dept_filer");
    const [project] = await db.select().from(projects).where(eq(projects.unitId, user.orgId!)).limit(1);
    const result = await runAction(
      def,
      async (input, { tx, audit }) => {
        await tx.update(projects).set({ name: input.name }).where(eq(projects.id, project!.id));
        await audit({ action: "project.updated", entityType: "project", entityId: project!.id });
        throw new AppError("CONFLICT");
      },
      { user, raw: { name: "改名后", amount: 1 }, meta, t: keyTranslator },
    );
    expect(result).toMatchObject({ ok: false, code: "CONFLICT", message: "errors.CONFLICT" });
    const [after] = await db.select().from(projects).where(eq(projects.id, project!.id));
    expect(after!.name).toBe(project!.name);
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "project.updated"), eq(auditLog.entityId, project!.id)));
    expect(rows).toHaveLength(0);
  });

  it("appends the action's audit rows in order at the end of its transaction, after its own work", async () => {
    const user = await signedIn("dept_filer");
    const [project] = await db.select().from(projects).where(eq(projects.unitId, user.orgId!)).limit(1);
    const auditRows = (tx: Pick<typeof db, "select">) =>
      tx
        .select({ id: auditLog.id, changes: auditLog.changes })
        .from(auditLog)
        .where(and(eq(auditLog.action, "project.updated"), eq(auditLog.entityId, project!.id)));
    let seenInside = -1;
    const result = await runAction(
      def,
      async (input, { tx, audit }) => {
        await audit({
          action: "project.updated",
          entityType: "project",
          entityId: project!.id,
          changes: { n: 1 },
        });
        await tx.update(projects).set({ name: input.name }).where(eq(projects.id, project!.id));
        await audit({
          action: "project.updated",
          entityType: "project",
          entityId: project!.id,
          changes: { n: 2 },
        });
        // Not written yet: the chain's head stays unlocked while the action works.
        seenInside = (await auditRows(tx)).length;
        return "done";
      },
      { user, raw: { name: "审计顺序", amount: 1 }, meta, t: keyTranslator },
    );
    expect(result).toMatchObject({ ok: true, data: "done" });
    expect(seenInside).toBe(0);
    const rows = (await auditRows(db)).sort((a, b) => Number(a.id) - Number(b.id));
    expect(rows.map((r) => r.changes)).toEqual([{ n: 1 }, { n: 2 }]);
    await db.update(projects).set({ name: project!.name }).where(eq(projects.id, project!.id));
  });

  it("hides unexpected errors behind a generic message", async () => {
    const user = await signedIn("dept_filer");
    const result = await runAction(
      def,
      async () => {
        throw new Error("secret internal detail");
      },
      { user, raw: { name: "ok", amount: 1 }, meta, t: keyTranslator },
    );
    expect(result).toMatchObject({ ok: false, code: "INTERNAL", message: "errors.INTERNAL" });
  });

  it("treats a signed-out caller as unauthenticated", async () => {
    const result = await runAction(def, async () => "x", { user: null, raw: {}, meta, t: keyTranslator });
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});

describe("an account that must change its password", () => {
  it("may change the password and nothing else", async () => {
    const { users } = await import("@/server/schema");
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.username, "filer_d05_2"));
    const user = await signedIn("filer_d05_2");
    let ran = 0;
    const blocked = await runAction(def, async () => (ran += 1), {
      user,
      raw: { name: "x", amount: 1 },
      meta,
      t: keyTranslator,
    });
    expect(blocked).toMatchObject({ ok: false, code: "FORBIDDEN", message: "errors.passwordChangeRequired" });
    const passwordDef = {
      name: "changeOwnPassword",
      permission: "account.changePassword" as const,
      schema: z.object({}),
    };
    const allowed = await runAction(passwordDef, async () => (ran += 1), {
      user,
      raw: {},
      meta,
      t: keyTranslator,
    });
    expect(allowed.ok).toBe(true);
    expect(ran).toBe(1);
  });
});
