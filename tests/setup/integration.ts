import fs from "node:fs";
import { newPglite } from "@/server/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDatabase, openDatabase, useDatabase, type Db } from "@/server/db";
import * as schema from "@/server/schema";

// Each test file gets the seeded database: its own in-memory copy on PGlite, or the run's database
// on the server (tests there must not depend on each other's writes).
beforeAll(async () => {
  const url = inject("databaseUrl");
  if (url) {
    useDatabase(openDatabase({ url }));
    return;
  }
  const blob = new Blob([fs.readFileSync(inject("pgliteSnapshot"))]);
  const client = newPglite(undefined, { loadDataDir: blob });
  await client.waitReady;
  useDatabase({
    db: drizzle(client, { schema }) as unknown as Db,
    kind: "pglite",
    close: () => client.close(),
  });
});

afterAll(async () => {
  await closeDatabase();
});
