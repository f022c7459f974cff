import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { auditResultEnum, roleEnum } from "./enums";

// Append-only: a trigger in the migrations refuses UPDATE and DELETE on this table.
// The actor's name and role are copied in, so the row still reads right after the account changes.
// Hash chain: a BEFORE INSERT trigger (migrations) gives every row, in order, the previous row's hash
// and sha256(previous hash || the row's canonical content), under a lock on the chain head below, so
// an edit, a removed row or a cut-off tail made outside the app is found by `npm run audit:verify`.
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorUsername: text("actor_username"),
    actorRole: roleEnum("actor_role"),
    action: text("action").notNull(),
    entityType: text("entity_type"),
    entityId: text("entity_id"),
    result: auditResultEnum("result").notNull().default("SUCCESS"),
    changes: jsonb("changes"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorId, t.at),
    index("audit_log_action_idx").on(t.action, t.at),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;

// The chain's head: one row, the last audit row's id and hash. Locked by each insert (so appends are
// serialized across connections and app instances) and compared with the log's last row on verify.
export const auditChain = pgTable("audit_chain", {
  id: integer("id").primaryKey(),
  lastId: bigint("last_id", { mode: "number" }),
  lastHash: text("last_hash"),
});
