import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { downloadAttachment } from "@/features/attachments/download";
import { listAttachments } from "@/features/attachments/queries";
import { db } from "@/server/db";
import { attachments, auditLog } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import {
  deleteAttachmentAs,
  fixture,
  newDraftProject,
  temporaryUploads,
  uploadedFixture,
} from "../factories/attachments";
import { catalogTranslator, failure } from "../factories/messages";
import { signedIn } from "../factories/users";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
let t: Awaited<ReturnType<typeof catalogTranslator>>;
let filer: CurrentUser;
temporaryUploads();

beforeAll(async () => {
  t = await catalogTranslator();
  filer = await signedIn("dept_filer");
});

const remove = (user: CurrentUser, id: string) => deleteAttachmentAs(t, user, id);
const newDraft = () => newDraftProject(t, filer);
const uploaded = (user: CurrentUser, projectId: string, name?: string) =>
  uploadedFixture(t, user, projectId, name);

describe("downloading", () => {
  it("streams the bytes as a download with safe headers, and audits it", async () => {
    const projectId = await newDraft();
    const file = await uploaded(filer, projectId);
    const response = await downloadAttachment(filer, file.id, meta);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="evidence.pdf"; filename*=UTF-8''evidence.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(Buffer.from(await response.arrayBuffer())).toEqual(fixture("evidence.pdf"));
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, file.id), eq(auditLog.action, "attachment.downloaded")));
    expect(audit.map((a) => a.actorUsername)).toEqual(["dept_filer"]);
  });

  it("sends Office files as opaque bytes", async () => {
    const file = await uploaded(filer, await newDraft(), "report.docx");
    const response = await downloadAttachment(filer, file.id, meta);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
  });

  it("answers the same 404 out of scope, for an unknown id, and for a malformed one", async () => {
    const file = await uploaded(filer, await newDraft());
    const outsider = await signedIn("dept_filer2");
    for (const [user, id] of [
      [outsider, file.id],
      [filer, "00000000-0000-4000-8000-000000000000"],
      [filer, "../../etc/passwd"],
      [await signedIn("sysadmin"), file.id],
    ] as const) {
      const response = await downloadAttachment(user, id, meta);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("");
    }
    // Readable by the department's approver and the finance administrator.
    expect((await downloadAttachment(await signedIn("dept_approver"), file.id, meta)).status).toBe(200);
    expect((await downloadAttachment(await signedIn("finance_admin"), file.id, meta)).status).toBe(200);
  });
});

describe("deleting", () => {
  it("keeps the row, hides the file and audits the deletion", async () => {
    const projectId = await newDraft();
    const file = await uploaded(filer, projectId);
    expect((await listAttachments(filer, "project", projectId))!.rows.map((r) => r.id)).toEqual([file.id]);
    expect(await remove(filer, file.id)).toMatchObject({ ok: true });
    const [row] = await db.select().from(attachments).where(eq(attachments.id, file.id));
    expect(row!.deletedAt).toBeInstanceOf(Date);
    expect(row!.deletedBy).toBe(filer.id);
    expect((await listAttachments(filer, "project", projectId))!.rows).toEqual([]);
    expect((await downloadAttachment(filer, file.id, meta)).status).toBe(404);
    expect(failure(await remove(filer, file.id)).code).toBe("NOT_FOUND");
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, file.id));
    expect(audit.map((a) => a.action)).toContain("attachment.deleted");
  });

  it("lets only the uploader (while they may add files) or the finance administrator delete", async () => {
    const projectId = await newDraft();
    const file = await uploaded(filer, projectId);
    expect(failure(await remove(await signedIn("dept_filer2"), file.id)).code).toBe("NOT_FOUND");
    expect(failure(await remove(await signedIn("dept_approver"), file.id)).code).toBe("FORBIDDEN");
    const listing = await listAttachments(await signedIn("dept_approver"), "project", projectId);
    expect(listing).toMatchObject({ canUpload: false, rows: [{ id: file.id, canDelete: false }] });
    expect((await listAttachments(filer, "project", projectId))!.rows[0]!.canDelete).toBe(true);
    expect(await remove(await signedIn("finance_admin"), file.id)).toMatchObject({ ok: true });
  });

  it("lists nothing to users outside the record's scope", async () => {
    const projectId = await newDraft();
    await uploaded(filer, projectId);
    expect(await listAttachments(await signedIn("dept_filer2"), "project", projectId)).toBeNull();
  });
});
