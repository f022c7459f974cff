import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { env } from "@/env";
import { s3Storage } from "./storage-s3";
import { checkedKey } from "./storage-key";

export { newStorageKey } from "./storage-key";

/**
 * Where evidence files live: a local (or shared) folder, or an S3-compatible bucket, chosen by the
 * STORAGE setting in `storage()`. The callers see only these four calls.
 */
export type FileStorage = {
  /** Store the bytes under the key; the file appears complete or not at all. */
  put: (key: string, data: Uint8Array) => Promise<void>;
  /** The stored bytes as a stream, or null when nothing is stored under the key. */
  get: (key: string) => Promise<ReadableStream<Uint8Array> | null>;
  /** Whether something is stored under the key. */
  exists: (key: string) => Promise<boolean>;
  /** Remove the file; removing a missing file is not an error. */
  remove: (key: string) => Promise<void>;
};

export function localDiskStorage(root: string): FileStorage {
  const base = path.resolve(/*turbopackIgnore: true*/ root);
  const fileOf = (key: string) => path.join(base, ...checkedKey(key).split("/"));
  const exists = async (key: string) => {
    try {
      await fs.access(fileOf(key));
      return true;
    } catch {
      return false;
    }
  };
  return {
    async put(key, data) {
      const target = fileOf(key);
      const tmpDir = path.join(base, ".tmp");
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.mkdir(tmpDir, { recursive: true });
      // Write beside the target, then rename: a reader never sees a half-written file.
      const tmp = path.join(tmpDir, randomUUID());
      try {
        await fs.writeFile(tmp, data, { flag: "wx", mode: 0o640 });
        await fs.rename(tmp, target);
      } catch (e) {
        await fs.rm(tmp, { force: true });
        throw e;
      }
    },
    async get(key) {
      if (!(await exists(key))) return null;
      return Readable.toWeb(createReadStream(fileOf(key))) as ReadableStream<Uint8Array>;
    },
    exists,
    async remove(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}

// One store per process, opened on first use; on globalThis because Next bundles routes separately.
const globalForStorage = globalThis as unknown as { __bpmStorage?: FileStorage };

/** The settings `storage()` reads: the environment's, or a test's own. */
export type StorageSettings = Pick<
  typeof env,
  | "STORAGE"
  | "UPLOAD_DIR"
  | "S3_ENDPOINT"
  | "S3_BUCKET"
  | "S3_REGION"
  | "S3_ACCESS_KEY_ID"
  | "S3_SECRET_ACCESS_KEY"
  | "S3_SESSION_TOKEN"
  | "S3_FORCE_PATH_STYLE"
>;

export function storageFromSettings(settings: StorageSettings): FileStorage {
  if (settings.STORAGE === "local") return localDiskStorage(settings.UPLOAD_DIR);
  return s3Storage({
    endpoint: settings.S3_ENDPOINT,
    bucket: settings.S3_BUCKET!,
    region: settings.S3_REGION,
    credentials: {
      accessKeyId: settings.S3_ACCESS_KEY_ID!,
      secretAccessKey: settings.S3_SECRET_ACCESS_KEY!,
      sessionToken: settings.S3_SESSION_TOKEN,
    },
    forcePathStyle: settings.S3_FORCE_PATH_STYLE === "true",
  });
}

export function storage(): FileStorage {
  globalForStorage.__bpmStorage ??= storageFromSettings(env);
  return globalForStorage.__bpmStorage;
}

/** Tests swap in a store of their own (a temporary folder, or an in-test S3 server). */
export function useStorage(store: FileStorage): void {
  globalForStorage.__bpmStorage = store;
}
