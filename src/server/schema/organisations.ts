import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { districts } from "./districts";
import { agencyTypeEnum, orgKindEnum } from "./enums";

// One tree for every organisation: the finance bureau and its divisions, departments and their units,
// townships, agencies. A department's coveringDivisionId names the finance division (业务科室) that reviews it.
export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: orgKindEnum("kind").notNull(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    parentId: uuid("parent_id"),
    // The district it belongs to; null for a province-level organisation. A new organisation without
    // one takes its parent's (a trigger fills it).
    districtId: uuid("district_id").references(() => districts.id),
    coveringDivisionId: uuid("covering_division_id"),
    agencyType: agencyTypeEnum("agency_type"),
    active: boolean("active").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }),
    foreignKey({ columns: [t.coveringDivisionId], foreignColumns: [t.id] }),
    index("organisations_parent_idx").on(t.parentId),
    index("organisations_district_idx").on(t.districtId, t.kind),
    index("organisations_kind_idx").on(t.kind, t.sortOrder),
    index("organisations_division_idx")
      .on(t.coveringDivisionId)
      .where(sql`${t.coveringDivisionId} is not null`),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
