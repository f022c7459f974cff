import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// 行政区划: a province's districts and counties. Every organisation of a district's budget system
// (its finance bureau, departments, units, townships, agencies) belongs to one; an organisation
// without a district is province level (省财政厅), whose finance and leaders read every district.
export const districts = pgTable("districts", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** 行政区划代码, six digits. */
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type District = typeof districts.$inferSelect;
