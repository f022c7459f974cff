import { integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { districts } from "./districts";
import { users } from "./users";

// 年度预算绩效管理工作总结: sections 一 and 二 are generated from the data each time; section 三 (next
// year's plan, 工作思路) is what the bureau writes, kept per district and work year (2021 plans 2022);
// the province's own summary has no district.
export const annualSummaryPlans = pgTable(
  "annual_summary_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").references(() => districts.id),
    workYear: integer("work_year").notNull(),
    plan: text("plan").notNull().default(""),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("annual_summary_plans_district_work_year_key").on(t.districtId, t.workYear).nullsNotDistinct(),
  ],
);

export type AnnualSummaryPlan = typeof annualSummaryPlans.$inferSelect;
