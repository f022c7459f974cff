import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, ne } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setAttachmentLimits } from "@/features/attachments/limits";
import { registerAttachmentPolicy } from "@/features/attachments/policies";
import { db } from "@/server/db";
import { attachments, auditLog, projects } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import {
  deleteAttachmentAs,
  fileOf,
  fixture,
  newDraftProject,
  storedFiles,
  temporaryUploads,
  uploadAttachmentAs,
  uploadedFixture,
} from "../factories/attachments";
import { catalogTranslator, failure } from "../factories/messages";
import { signedIn } from "../factories/users";

let t: Awaited<ReturnType<typeof catalogTranslator>>;
let filer: CurrentUser;
const uploadDir = temporaryUploads();

beforeAll(async () => {
  t = await catalogTranslator();
  filer = await signedIn("dept_filer");
});
beforeEach(() => setAttachmentLimits(null));

const upload = (user: CurrentUser, entityId: string, file: File, entityType = "project") =>
  uploadAttachmentAs(t, user, entityId, file, entityType);
const remove = (user: CurrentUser, id: string) => deleteAttachmentAs(t, user, id);
const newDraft = () => newDraftProject(t, filer);
const uploaded = (user: CurrentUser, projectId: string, name?: string) =>
  uploadedFixture(t, user, projectId, name);
const stored = () => storedFiles(uploadDir());

describe("uploading evidence", () => {
  it("stores the file for the project's filer, with its checksum, and audits it", async () => {
    const projectId = await newDraft();
    const bytes = fixture("evidence.pdf");
    const result = await upload(filer, projectId, new File([bytes], "../自评/绩效<报告>.pdf"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [row] = await db.select().from(attachments).where(eq(attachments.id, result.data.id));
    expect(row).toMatchObject({
      entityType: "project",
      entityId: projectId,
      projectId,
      fileName: "绩效报告.pdf",
      mime: "application/pdf",
      sizeBytes: bytes.length,
      uploadedBy: filer.id,
      deletedAt: null,
    });
    expect(row!.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(row!.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(fs.readFileSync(path.join(uploadDir(), row!.storageKey))).toEqual(bytes);

    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "attachment.uploaded",
      actorUsername: "dept_filer",
      ip: "127.0.0.1",
    });
    expect(audit[0]!.changes).toMatchObject({
      recordType: "project",
      recordId: projectId,
      sha256: row!.sha256,
    });
  });

  it("accepts Office documents and images", async () => {
    const projectId = await newDraft();
    expect((await upload(filer, projectId, fileOf("report.docx"))).ok).toBe(true);
    expect((await upload(filer, projectId, fileOf("photo.png"))).ok).toBe(true);
  });

  it("answers not found to another unit's filer and stores nothing", async () => {
    const projectId = await newDraft();
    const before = stored().length;
    const result = await upload(await signedIn("dept_filer2"), projectId, fileOf("evidence.pdf"));
    expect(failure(result)).toMatchObject({ code: "NOT_FOUND", message: "t:errors.NOT_FOUND" });
    expect(stored()).toHaveLength(before);
    expect(await db.select().from(attachments).where(eq(attachments.entityId, projectId))).toEqual([]);
    const denied = await db.select().from(auditLog).where(eq(auditLog.action, "access.denied"));
    expect(denied.some((a) => a.actorUsername === "dept_filer2")).toBe(true);
  });

  it("refuses users who may read but not add files, and projects past target setting", async () => {
    const projectId = await newDraft();
    expect(
      failure(await upload(await signedIn("dept_approver"), projectId, fileOf("evidence.pdf"))).code,
    ).toBe("FORBIDDEN");
    const [budgeted] = await db
      .select({ id: projects.id })
      .from(projects)
      .where(
        and(
          eq(projects.unitId, filer.orgId!),
          ne(projects.stage, "DRAFT"),
          ne(projects.stage, "PRE_ASSESSMENT"),
          ne(projects.stage, "TARGET_SETTING"),
        ),
      )
      .limit(1);
    expect(failure(await upload(filer, budgeted!.id, fileOf("evidence.pdf"))).code).toBe("FORBIDDEN");
    expect(failure(await upload(await signedIn("auditor"), projectId, fileOf("evidence.pdf"))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("answers not found for a record type nobody registered", async () => {
    const projectId = await newDraft();
    expect(failure(await upload(filer, projectId, fileOf("evidence.pdf"), "noSuchRecord")).code).toBe(
      "NOT_FOUND",
    );
  });

  it.each([
    ["an HTML page renamed .pdf", () => fileOf("page-renamed.pdf"), "extensionMismatch"],
    ["an SVG", () => fileOf("drawing.svg"), "unsupportedType"],
    [
      "an executable",
      () => new File([new Uint8Array([0x4d, 0x5a, 0x90, 0])], "setup.exe"),
      "unsupportedType",
    ],
    ["an empty file", () => new File([], "empty.pdf"), "empty"],
  ])("refuses %s with its own message and stores nothing", async (_label, make, reason) => {
    const projectId = await newDraft();
    const before = stored().length;
    const result = failure(await upload(filer, projectId, make()));
    expect(result.code).toBe("VALIDATION");
    expect(result.fieldErrors).toEqual({ file: [`t:errors.attachment.${reason}`] });
    expect(result.values).toMatchObject({ entityId: projectId });
    expect(stored()).toHaveLength(before);
  });

  it("requires a file", async () => {
    const result = failure(await upload(filer, await newDraft(), new File([], "")));
    expect(result.fieldErrors).toEqual({ file: ["t:validation.required"] });
  });

  it("refuses a file over the size limit", async () => {
    setAttachmentLimits({ maxFileBytes: 100, maxRecordBytes: 10_000 });
    const result = failure(await upload(filer, await newDraft(), fileOf("evidence.pdf")));
    expect(result.fieldErrors).toEqual({ file: ["t:errors.attachment.tooLarge"] });
  });

  it("refuses a file that would take the record over its total, counting only live files", async () => {
    const size = fixture("evidence.pdf").length;
    setAttachmentLimits({ maxFileBytes: 10_000, maxRecordBytes: size * 2 });
    const projectId = await newDraft();
    const first = await uploaded(filer, projectId);
    await uploaded(filer, projectId);
    const third = failure(await upload(filer, projectId, fileOf("evidence.pdf")));
    expect(third.fieldErrors).toEqual({ file: ["t:errors.attachment.recordLimit"] });
    expect((await remove(filer, first.id)).ok).toBe(true);
    expect((await upload(filer, projectId, fileOf("evidence.pdf"))).ok).toBe(true);
  });

  it("keeps a deleted file's bytes on disk as evidence, marking only its row (docs/deployment.md)", async () => {
    const projectId = await newDraft();
    const { id } = await uploaded(filer, projectId);
    const [before] = await db.select().from(attachments).where(eq(attachments.id, id));
    expect((await remove(filer, id)).ok).toBe(true);
    const [after] = await db.select().from(attachments).where(eq(attachments.id, id));
    expect(after).toMatchObject({ deletedBy: filer.id, storageKey: before!.storageKey });
    expect(after!.deletedAt).not.toBeNull();
    expect(fs.readFileSync(path.join(uploadDir(), before!.storageKey))).toEqual(fixture("evidence.pdf"));
  });

  it("removes the stored file again when the row cannot be written", async () => {
    // A record type whose policy names a project that does not exist: the insert fails on its key.
    registerAttachmentPolicy("brokenRecord", {
      canRead: async () => ({ projectId: "00000000-0000-4000-8000-000000000000" }),
      canWrite: async () => true,
    });
    const before = stored().length;
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = failure(await upload(filer, await newDraft(), fileOf("evidence.pdf"), "brokenRecord"));
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(result.code).toBe("INTERNAL");
    expect(stored()).toHaveLength(before);
  });
});
