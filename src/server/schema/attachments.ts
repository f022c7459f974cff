import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { projects } from "./projects";
import { users } from "./users";

// Evidence files attached to any record of the chain. The record is named by type and id, not by a
// foreign key, so every stage can attach files without a table of its own. Rows are never deleted:
// a removed file keeps its row (deleted_at) so the evidence trail stays.
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    /** The project the record belongs to, when there is one: kept for scope and reports. */
    projectId: uuid("project_id").references(() => projects.id),
    fileName: text("file_name").notNull(),
    mime: text("mime").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull().unique(),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    deletedBy: uuid("deleted_by").references(() => users.id),
  },
  (t) => [
    index("attachments_entity_idx").on(t.entityType, t.entityId),
    index("attachments_project_idx").on(t.projectId),
  ],
);

export type Attachment = typeof attachments.$inferSelect;
