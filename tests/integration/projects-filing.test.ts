import { and, desc, eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createProjectDefinition,
  runCreateProject,
  runUpdateProject,
  updateProjectDefinition,
} from "@/features/projects/definitions";
import { runAction } from "@/server/action-client";
import { db } from "@/server/db";
import { auditLog, projects } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { orgIds } from "@/server/seed/seed";
import { loadMessages } from "@/messages/load";
import { signedIn } from "../factories/users";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
let t: (key: string, values?: Record<string, string | number>) => string;

beforeAll(async () => {
  const translator = createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN") });
  t = (key, values) => translator(key as never, values as never);
});

const form = (patch: Record<string, unknown> = {}) => ({
  year: "2022",
  name: "2022年科技成果转化服务平台建设",
  kind: "DEPT_SPECIAL",
  novelty: "NEW",
  duration: "ONE_OFF",
  specialArea: "GENERAL",
  requestedAmount: "1200000.5",
  description: "建设区级科技成果转化线上平台",
  ...patch,
});

const create = (user: CurrentUser, raw: unknown) =>
  runAction(createProjectDefinition, runCreateProject, { user, raw, meta, t });
const update = (user: CurrentUser, raw: unknown) =>
  runAction(updateProjectDefinition, runUpdateProject, { user, raw, meta, t });

async function row(id: string) {
  return (await db.select().from(projects).where(eq(projects.id, id)))[0]!;
}

describe("filing a project (项目申报)", () => {
  it("files for the user's own unit and department, whatever ids the input carries", async () => {
    const filer = await signedIn("dept_filer");
    const [last] = await db
      .select({ code: projects.code })
      .from(projects)
      .where(and(eq(projects.year, 2022), eq(projects.departmentId, orgIds.department("D03"))))
      .orderBy(desc(projects.code))
      .limit(1);
    const next = Number(last!.code.slice(-4)) + 1;
    const result = await create(
      filer,
      form({ unitId: orgIds.unit("D01", 1), departmentId: orgIds.department("D01"), stage: "BUDGETED" }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const saved = await row(result.data.id);
    expect(saved).toMatchObject({
      unitId: filer.orgId,
      departmentId: orgIds.department("D03"),
      stage: "DRAFT",
      year: 2022,
      requestedAmount: "1200000.50",
      isMajor: false,
      version: 1,
    });
    // The next number of 区科技局's 2022 sequence.
    expect(saved.code).toBe(`2022-D03-${String(next).padStart(4, "0")}`);

    const second = await create(filer, form({ name: "2022年第二个项目", isMajor: "on" }));
    expect(second.ok && (await row(second.data.id)).code).toBe(
      `2022-D03-${String(next + 1).padStart(4, "0")}`,
    );
    expect(second.ok && (await row(second.data.id)).isMajor).toBe(true);

    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, result.data.id));
    expect(audit.map((a) => a.action)).toEqual(["project.created"]);
    expect(audit[0]!.actorUsername).toBe("dept_filer");
  });

  it("puts validation errors under the right field and saves nothing", async () => {
    const filer = await signedIn("dept_filer");
    const result = await create(filer, form({ requestedAmount: "12.345", name: "  ", kind: "" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("VALIDATION");
    expect(result.fieldErrors).toEqual({
      requestedAmount: ["请输入金额，最多两位小数"],
      name: ["此项为必填项"],
      kind: ["此项为必填项"],
    });
    expect(result.values).toMatchObject({ requestedAmount: "12.345" });
    const zero = await create(filer, form({ requestedAmount: "0" }));
    expect(!zero.ok && zero.fieldErrors).toEqual({ requestedAmount: ["金额必须大于 0"] });
    const unknownYear = await create(filer, form({ year: "2030" }));
    expect(!unknownYear.ok && unknownYear.fieldErrors).toEqual({ year: ["所选年度不存在，请重新选择"] });
  });

  it("refuses filing to roles without the permission", async () => {
    const result = await create(await signedIn("dept_approver"), form());
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("editing a project", () => {
  async function draftOf(username: string) {
    const result = await create(await signedIn(username), form({ name: `${username} 的草稿项目` }));
    if (!result.ok) throw new Error(result.message);
    return row(result.data.id);
  }

  it("saves the changes, bumps the version and audits the changed fields", async () => {
    const filer = await signedIn("dept_filer");
    const draft = await draftOf("dept_filer");
    const result = await update(
      filer,
      form({ id: draft.id, version: String(draft.version), requestedAmount: "1500000", name: draft.name }),
    );
    expect(result).toMatchObject({ ok: true, data: { id: draft.id, version: 2 } });
    expect((await row(draft.id)).requestedAmount).toBe("1500000.00");
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, draft.id), eq(auditLog.action, "project.updated")));
    expect(audit!.changes).toEqual({ requestedAmount: ["1200000.50", "1500000.00"] });
  });

  it("answers not found to a filer of another department and leaves the row unchanged", async () => {
    const draft = await draftOf("dept_filer");
    const before = await row(draft.id);
    const result = await update(
      await signedIn("dept_filer2"),
      form({ id: draft.id, version: String(draft.version), name: "被篡改的名称" }),
    );
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND", message: t("errors.NOT_FOUND") });
    expect(await row(draft.id)).toEqual(before);
    const denied = await db.select().from(auditLog).where(eq(auditLog.action, "access.denied"));
    expect(denied.some((a) => a.actorUsername === "dept_filer2")).toBe(true);
  });

  it("refuses to edit a project that has left the DRAFT stage", async () => {
    const filer = await signedIn("dept_filer");
    const [evaluated] = await db
      .select()
      .from(projects)
      .where(and(eq(projects.unitId, filer.orgId!), eq(projects.year, 2020)))
      .limit(1);
    const result = await update(filer, form({ id: evaluated!.id, version: String(evaluated!.version) }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_TRANSITION", message: t("errors.stageLocked") });
    expect(await row(evaluated!.id)).toEqual(evaluated);
  });

  it("refuses a save from a stale form with a conflict, keeping the other person's change", async () => {
    const filer = await signedIn("dept_filer");
    const draft = await draftOf("dept_filer");
    const first = await update(filer, form({ id: draft.id, version: "1", name: "先保存的名称" }));
    expect(first.ok).toBe(true);
    const stale = await update(filer, form({ id: draft.id, version: "1", name: "后保存的名称" }));
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT", message: t("errors.CONFLICT") });
    expect(!stale.ok && stale.values).toMatchObject({ name: "后保存的名称" });
    expect(await row(draft.id)).toMatchObject({ name: "先保存的名称", version: 2 });
  });
});
