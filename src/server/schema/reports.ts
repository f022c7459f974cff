import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// 年度预算绩效管理工作总结: sections 一 and 二 are generated from the data each time; section 三 (next
// year's plan, 工作思路) is what the bureau writes, kept per work year (2021 plans 2022).
export const annualSummaryPlans = pgTable("annual_summary_plans", {
  workYear: integer("work_year").primaryKey(),
  plan: text("plan").notNull().default(""),
  version: integer("version").notNull().default(1),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type AnnualSummaryPlan = typeof annualSummaryPlans.$inferSelect;
