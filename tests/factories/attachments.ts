import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import {
  deleteAttachmentDefinition,
  runDeleteAttachment,
  runUploadAttachment,
  uploadAttachmentDefinition,
} from "@/features/attachments/definitions";
import { createProjectDefinition, runCreateProject } from "@/features/projects/definitions";
import { runAction } from "@/server/action-client";
import type { CurrentUser } from "@/server/session";
import { localDiskStorage, useStorage } from "@/server/storage";
import { uniqueName } from "./messages";

type Translate = (key: string) => string;
const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/attachments");

export const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

/** A browser-like File: a fixture's bytes (or the given ones) under a name. */
export const fileOf = (name: string, bytes: Uint8Array<ArrayBuffer> = new Uint8Array(fixture(name))) =>
  new File([bytes], name);

/** Give the test file a temporary upload folder of its own; returns a getter for its path. */
export function temporaryUploads(): () => string {
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bpm-attach-it-"));
    useStorage(localDiskStorage(dir));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

/** The stored files under a folder, not counting half-written temporary ones. */
export function storedFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === ".tmp") return [];
    const full = path.join(dir, e.name);
    return e.isDirectory() ? storedFiles(full) : [full];
  });
}

export const uploadAttachmentAs = (
  t: Translate,
  user: CurrentUser,
  entityId: string,
  file: File,
  entityType = "project",
) =>
  runAction(uploadAttachmentDefinition, runUploadAttachment, {
    user,
    raw: { entityType, entityId, file },
    meta,
    t,
  });

export const deleteAttachmentAs = (t: Translate, user: CurrentUser, id: string) =>
  runAction(deleteAttachmentDefinition, runDeleteAttachment, { user, raw: { id }, meta, t });

/** A fresh DRAFT project of the filer's unit, filed through the real action. */
export async function newDraftProject(t: Translate, filer: CurrentUser): Promise<string> {
  const result = await runAction(createProjectDefinition, runCreateProject, {
    user: filer,
    raw: {
      year: "2022",
      name: uniqueName("附件测试项目"),
      kind: "DEPT_SPECIAL",
      novelty: "NEW",
      duration: "ONE_OFF",
      specialArea: "GENERAL",
      requestedAmount: "100000",
    },
    meta,
    t,
  });
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

/** Upload a fixture that must be accepted. */
export async function uploadedFixture(
  t: Translate,
  user: CurrentUser,
  projectId: string,
  name = "evidence.pdf",
) {
  const result = await uploadAttachmentAs(t, user, projectId, fileOf(name));
  if (!result.ok) throw new Error(`${result.code} ${result.message}`);
  return result.data;
}
