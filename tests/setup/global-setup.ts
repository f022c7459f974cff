import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/server/db";
import { migrateDatabase } from "@/server/migrate";
import { seed } from "@/server/seed/seed";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    pgliteSnapshot: string;
  }
}

// Integration tests run against a seeded database built once per run:
// - with DATABASE_URL, a fresh database on that server, dropped afterwards;
// - otherwise an embedded PGlite, seeded once and dumped, which each test file loads into memory.
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `bpm_it_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = openDatabase({ url: url.toString() });
    await migrateDatabase(handle);
    await seed(handle.db);
    await handle.close();
    project.provide("databaseUrl", url.toString());
    project.provide("pgliteSnapshot", "");
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bpm-it-"));
  const handle = openDatabase({ pgliteDir: "memory://" });
  await migrateDatabase(handle);
  await seed(handle.db);
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  const file = path.join(dir, "seeded.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("databaseUrl", "");
  project.provide("pgliteSnapshot", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
