import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "./db";

// Transaction-scoped advisory locks for "check, then insert" rules no unique constraint can say: a
// self-evaluation round of a year is the province's or its districts', never both — two rows with
// different districts, which no index forbids. Whoever opens one takes the year's lock first, so a
// second opener waits for the first to commit (or roll back) and then sees its round. Released when
// the transaction ends; PGlite runs one transaction at a time and takes them as well.

/** The first key of each lock (PostgreSQL's two-key form: the kind, then the year). */
const KINDS = {
  /** Opening a self-evaluation round (evaluation_rounds, type SELF). */
  selfRound: 0x5e1f,
} as const;

/** Holds the lock of a kind of year-level record for one year until the transaction ends. */
export async function lockYear(tx: DbOrTx, kind: keyof typeof KINDS, year: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${KINDS[kind]}::int, ${year}::int)`);
}
