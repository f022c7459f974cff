import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runSaveLibraryIndicator, saveLibraryIndicatorDefinition } from "@/features/indicators/definitions";
import { runAction } from "@/server/action-client";
import { db } from "@/server/db";
import { auditLog, libraryIndicators } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { failure, uniqueName } from "../factories/messages";
import { signedIn } from "../factories/users";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const t = (key: string) => key;
const save = (user: CurrentUser, raw: unknown) =>
  runAction(saveLibraryIndicatorDefinition, runSaveLibraryIndicator, { user, raw, meta, t });

const form = (patch: Record<string, unknown> = {}) => ({
  sector: "science",
  level1: "OUTPUT",
  level2: "QUANTITY",
  name: uniqueName("科技成果登记数量"),
  operator: "GTE",
  unit: "项",
  targetHint: "30",
  description: "按年度登记的科技成果数量统计",
  active: "on",
  ...patch,
});

describe("indicator library (指标库)", () => {
  it("lets finance admin create, edit and deactivate an entry, audited", async () => {
    const admin = await signedIn("finance_admin");
    const created = await save(admin, form());
    expect(created.ok).toBe(true);
    const id = (created as { data: { id: string } }).data.id;
    const edited = await save(admin, form({ id, version: "1", name: "科技成果登记数", active: undefined }));
    expect(edited.ok).toBe(true);
    const [row] = await db.select().from(libraryIndicators).where(eq(libraryIndicators.id, id));
    expect(row).toMatchObject({ name: "科技成果登记数", active: false, version: 2 });
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.map((a) => a.action).sort()).toEqual(["indicator.created", "indicator.updated"]);
    // A stale form is refused.
    expect(failure(await save(admin, form({ id, version: "1" }))).code).toBe("CONFLICT");
  });

  it("refuses a level 2 outside its level 1 and a quantitative entry without unit", async () => {
    const admin = await signedIn("finance_admin");
    const res = failure(await save(admin, form({ level2: "SOCIAL", unit: "" })));
    expect(Object.keys(res.fieldErrors ?? {}).sort()).toEqual(["level2", "unit"]);
  });

  it("is managed by finance admin only", async () => {
    for (const username of ["finance_reviewer", "dept_filer", "dept_approver"]) {
      expect(failure(await save(await signedIn(username), form())).code).toBe("FORBIDDEN");
    }
  });

  it("seeds a few hundred entries across the sectors", async () => {
    const rows = await db.select({ sector: libraryIndicators.sector }).from(libraryIndicators);
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((r) => r.sector)).size).toBeGreaterThanOrEqual(20);
  });
});
