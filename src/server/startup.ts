import { env } from "@/env";
import { databaseHandle } from "./db";
import { migrateDatabase } from "./migrate";

const g = globalThis as unknown as { __bpmReady?: Promise<void> };

/**
 * Migrate the database and, when it holds no data yet, load the demo data, both under one PostgreSQL
 * advisory lock shared by every instance. Runs once per process
 * (at server start, from instrumentation); later callers wait on the same promise.
 */
export function ensureDatabaseReady(): Promise<void> {
  g.__bpmReady ??= (async () => {
    const handle = databaseHandle();
    // The seed runs under the migrations' lock: instances starting together on an empty database
    // load the demo data once; the others wait, then find it there.
    await migrateDatabase(handle, async () => {
      if (env.SEED_ON_START !== "true") return;
      const { seedIfEmpty } = await import("./seed/seed");
      const seeded = await seedIfEmpty(handle.db);
      if (seeded && env.SEED_PROVINCE === "true") {
        const { seedProvince } = await import("./seed/province");
        await seedProvince(handle.db);
      }
    });
  })().catch((e) => {
    g.__bpmReady = undefined;
    throw e;
  });
  return g.__bpmReady;
}
