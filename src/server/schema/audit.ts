import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { auditResultEnum, roleEnum } from "./enums";

// Append-only: a trigger in the migrations refuses UPDATE and DELETE on this table.
// The actor's name and role are copied in, so the row still reads right after the account changes.
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
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorId, t.at),
    index("audit_log_action_idx").on(t.action, t.at),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
