import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { downloadAttachment } from "@/features/attachments/download";
import { db } from "@/server/db";
import { attachments } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { newStorageKey, storageFromSettings, useStorage, type StorageSettings } from "@/server/storage";
import { S3Error } from "@/server/storage-s3";
import {
  deleteAttachmentAs,
  fileOf,
  fixture,
  newDraftProject,
  storedFiles,
  uploadAttachmentAs,
} from "../factories/attachments";
import { catalogTranslator, failure } from "../factories/messages";
import { startFakeS3, type FakeS3 } from "../factories/s3-server";
import { signedIn } from "../factories/users";

// STORAGE=s3 end to end through the attachment service, against an S3-compatible server that checks
// every request's signature. UPLOAD_DIR is a folder of the test's own that must stay empty.

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const secrets = { accessKeyId: "BPMTESTKEY", secretAccessKey: "s3cr3t/+KEY", region: "cn-east-1" };
const BUCKET = "bpm-evidence";
let s3: FakeS3;
let uploadDir: string;
let t: Awaited<ReturnType<typeof catalogTranslator>>;
let filer: CurrentUser;

const settings = (overrides: Partial<StorageSettings> = {}): StorageSettings => ({
  STORAGE: "s3",
  UPLOAD_DIR: uploadDir,
  S3_ENDPOINT: s3.endpoint,
  S3_BUCKET: BUCKET,
  S3_REGION: secrets.region,
  S3_ACCESS_KEY_ID: secrets.accessKeyId,
  S3_SECRET_ACCESS_KEY: secrets.secretAccessKey,
  S3_SESSION_TOKEN: undefined,
  S3_FORCE_PATH_STYLE: "true",
  ...overrides,
});

beforeAll(async () => {
  s3 = await startFakeS3(secrets);
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "bpm-s3-it-"));
  useStorage(storageFromSettings(settings()));
  t = await catalogTranslator();
  filer = await signedIn("dept_filer");
});
afterAll(async () => {
  await s3.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

const objectPath = (storageKey: string) => `/${BUCKET}/${storageKey}`;
const rowOf = async (id: string) => (await db.select().from(attachments).where(eq(attachments.id, id)))[0]!;

describe("attachments in an S3-compatible bucket", () => {
  it("uploads into the bucket, downloads from it and hides a deleted file; nothing on local disk", async () => {
    const projectId = await newDraftProject(t, filer);
    const bytes = fixture("evidence.pdf");
    const uploaded = await uploadAttachmentAs(t, filer, projectId, fileOf("evidence.pdf"));
    expect(uploaded.ok).toBe(true);
    if (!uploaded.ok) return;
    const row = await rowOf(uploaded.data.id);
    expect(s3.objects.get(objectPath(row.storageKey))).toEqual(bytes);
    expect(s3.log.at(-1)).toEqual({ method: "PUT", path: objectPath(row.storageKey), status: 200 });

    const response = await downloadAttachment(filer, row.id, meta);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    expect(s3.log.at(-1)).toEqual({ method: "GET", path: objectPath(row.storageKey), status: 200 });

    expect((await deleteAttachmentAs(t, filer, row.id)).ok).toBe(true);
    expect((await downloadAttachment(filer, row.id, meta)).status).toBe(404);
    // The deletion keeps the evidence trail: the row is marked, the object stays in the bucket.
    expect((await rowOf(row.id)).deletedAt).not.toBeNull();
    expect(s3.objects.has(objectPath(row.storageKey))).toBe(true);

    expect(fs.readdirSync(uploadDir)).toEqual([]);
    expect(storedFiles(uploadDir)).toEqual([]);
  });

  it("streams a download: the first bytes reach the reader before the store has sent the rest", async () => {
    const projectId = await newDraftProject(t, filer);
    const uploaded = await uploadAttachmentAs(t, filer, projectId, fileOf("evidence.pdf"));
    if (!uploaded.ok) throw new Error(uploaded.message);
    const key = objectPath((await rowOf(uploaded.data.id)).storageKey);
    const bytes = s3.objects.get(key)!;
    const third = Math.ceil(bytes.length / 3);
    const drip = {
      chunks: [0, 1, 2].map((i) => bytes.subarray(i * third, (i + 1) * third)),
      sent: 0,
      release: () => {},
    };
    s3.slow.set(key, drip);

    const response = await downloadAttachment(filer, uploaded.data.id, meta);
    const reader = response.body!.getReader();
    const received: Uint8Array[] = [];
    let first = await reader.read();
    received.push(first.value!);
    // The store has sent one chunk of three and waits: the app answered without the whole file.
    expect(drip.sent).toBe(1);
    expect(Buffer.concat(received).length).toBeLessThan(bytes.length);
    drip.release();
    drip.release();
    for (first = await reader.read(); !first.done; first = await reader.read()) received.push(first.value);
    expect(Buffer.concat(received)).toEqual(bytes);
    s3.slow.delete(key);
  });

  it("puts, tells, reads and removes objects itself, and reads a missing one as nothing", async () => {
    const store = storageFromSettings(settings());
    const key = newStorageKey();
    expect(await store.exists(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
    await store.put(key, new TextEncoder().encode("绩效自评报告"));
    expect(await store.exists(key)).toBe(true);
    expect(await new Response(await store.get(key)).text()).toBe("绩效自评报告");
    await store.remove(key);
    expect(await store.exists(key)).toBe(false);
    await store.remove(key); // removing a missing object is not an error
    await expect(store.exists("../../etc/passwd")).rejects.toThrow(/invalid storage key/);
  });

  it("fails the upload, storing no row, when the store refuses the signature", async () => {
    useStorage(storageFromSettings(settings({ S3_SECRET_ACCESS_KEY: "not-the-secret" })));
    try {
      const projectId = await newDraftProject(t, filer);
      const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const result = failure(await uploadAttachmentAs(t, filer, projectId, fileOf("evidence.pdf")));
      expect(logged).toHaveBeenCalledOnce();
      expect(String(logged.mock.calls[0])).toContain("SignatureDoesNotMatch");
      logged.mockRestore();
      expect(result.code).toBe("INTERNAL");
      expect(s3.log.at(-1)).toMatchObject({ method: "PUT", status: 403 });
      const rows = await db
        .select()
        .from(attachments)
        .where(and(eq(attachments.entityType, "project"), eq(attachments.entityId, projectId)));
      expect(rows).toEqual([]);
      await expect(
        storageFromSettings(settings({ S3_ACCESS_KEY_ID: "OTHER" })).exists(newStorageKey()),
      ).rejects.toEqual(new S3Error("HEAD", 403, null));
    } finally {
      useStorage(storageFromSettings(settings()));
    }
  });
});
