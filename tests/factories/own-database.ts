import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDatabase, openDatabase, useDatabase as installDatabase } from "@/server/db";
import { migrateDatabase } from "@/server/migrate";
import { seed } from "@/server/seed/seed";

/**
 * Give this test file a seeded database of its own on the PostgreSQL server, instead of the run's
 * shared one, for tests that race writers against each other and count what they wrote. On the
 * embedded database every file already has its own copy, so this does nothing there.
 * Call at the top level of the test file.
 */
export function withOwnSeededDatabase(): void {
  const serverUrl = inject("databaseUrl");
  if (!serverUrl) return;
  const name = `bpm_own_${process.pid}_${Date.now()}`;
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = openDatabase({ url: url.toString() });
    await migrateDatabase(handle);
    await seed(handle.db);
    await closeDatabase();
    installDatabase(handle);
  }, 300_000);
  afterAll(async () => {
    await closeDatabase();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
}
