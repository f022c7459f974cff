import { bigint, pgTable, smallint } from "drizzle-orm/pg-core";

// The version of the data the dashboards' year-level aggregates read (src/server/aggregate-cache.ts).
// Every committed transaction that writes one of those tables adds one to a slot (a trigger of
// migration 0013, at commit); the version is the sum of the slots. Several slots so that writers
// committing at the same moment do not queue on one row: each connection bumps its own
// (pg_backend_pid() % 16). Every app instance reads the sum before it serves a cached figure.
export const cacheEpoch = pgTable("cache_epoch", {
  slot: smallint("slot").primaryKey(),
  n: bigint("n", { mode: "number" }).notNull().default(0),
});
