import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/server/db";

// No "server-only" guard: the `npm run audit:verify` script runs this outside Next.

export type ChainBreak = "edited" | "gap" | "tail";
export type ChainReport =
  | { ok: true; rows: number; lastId: number | null; lastHash: string | null }
  | { ok: false; rows: number; brokenAt: number; reason: ChainBreak };

type ChainRow = { id: string | number; prev_hash: string | null; hash: string | null; canonical: string };

/** The hash the insert trigger gives a row: sha256(previous hash || canonical content), hex. */
export function chainHash(prevHash: string | null, canonical: string): string {
  return crypto
    .createHash("sha256")
    .update((prevHash ?? "") + canonical, "utf8")
    .digest("hex");
}

/**
 * Walk the audit log in id order and check every link: each row's stored previous hash is the hash of
 * the row before it (else a row was removed or its hash rewritten: "gap"), its own hash matches its
 * content (else it was changed: "edited"), and the last row is the one the chain head names (else the
 * tail was cut off: "tail"). Reports the first break. Rows appended while it runs are left for the
 * next check: it reads the head first and stops there.
 */
export async function verifyAuditChain(db: DbOrTx, { batchSize = 1000 } = {}): Promise<ChainReport> {
  const [head] = await queryRows<{ last_id: string | number | null; last_hash: string | null }>(
    db,
    sql`select last_id, last_hash from audit_chain where id = 1`,
  );
  const lastId = head?.last_id == null ? null : Number(head.last_id);
  let expectedPrev: string | null = null;
  let previousId: number | null = null;
  let rows = 0;
  if (lastId !== null) {
    let after = -1;
    for (;;) {
      const batch = await queryRows<ChainRow>(
        db,
        sql`select id, prev_hash, hash, audit_log_canonical(audit_log) as canonical
            from audit_log where id > ${after} and id <= ${lastId} order by id limit ${batchSize}`,
      );
      for (const row of batch) {
        const id = Number(row.id);
        if (row.prev_hash !== expectedPrev) return { ok: false, rows, brokenAt: id, reason: "gap" };
        if (row.hash !== chainHash(row.prev_hash, row.canonical))
          return { ok: false, rows, brokenAt: id, reason: "edited" };
        expectedPrev = row.hash;
        previousId = id;
        rows++;
      }
      if (batch.length < batchSize) break;
      after = Number(batch[batch.length - 1]!.id);
    }
  }
  if (previousId !== lastId || expectedPrev !== (head?.last_hash ?? null))
    return { ok: false, rows, brokenAt: lastId ?? previousId ?? 0, reason: "tail" };
  return { ok: true, rows, lastId, lastHash: expectedPrev };
}
