import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import {
  projectDurationEnum,
  projectKindEnum,
  projectNoveltyEnum,
  projectStageEnum,
  specialAreaEnum,
} from "./enums";
import { districts } from "./districts";
import { fiscalYears } from "./fiscal-years";
import { organisations } from "./organisations";

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

// Amounts are yuan as exact decimals. 全年预算数 and 执行数 are kept by funding source
// (本年财政拨款 / 上年结转 / 其他资金); totals and rates are computed, never stored.
export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year")
      .notNull()
      .references(() => fiscalYears.year),
    code: text("code").notNull(),
    name: text("name").notNull(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => organisations.id),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => organisations.id),
    // The department's district, kept here so scoped lists and aggregates read one index. Set by a
    // trigger from the department on every insert and department change; never written by the app.
    districtId: uuid("district_id").references(() => districts.id),
    kind: projectKindEnum("kind").notNull(),
    novelty: projectNoveltyEnum("novelty").notNull(),
    duration: projectDurationEnum("duration").notNull(),
    isMajor: boolean("is_major").notNull().default(false),
    specialArea: specialAreaEnum("special_area").notNull().default("GENERAL"),
    requestedAmount: money("requested_amount").notNull(),
    initialBudget: money("initial_budget").notNull().default("0"),
    budgetCurrent: money("budget_current").notNull().default("0"),
    budgetCarryover: money("budget_carryover").notNull().default("0"),
    budgetOther: money("budget_other").notNull().default("0"),
    executedCurrent: money("executed_current").notNull().default("0"),
    executedCarryover: money("executed_carryover").notNull().default("0"),
    executedOther: money("executed_other").notNull().default("0"),
    description: text("description"),
    stage: projectStageEnum("stage").notNull().default("DRAFT"),
    // The same project in the previous year (a continuing or recurring project): its evaluation's
    // grade and 结果应用 suggestion show on this year's project.
    predecessorId: uuid("predecessor_id").references((): AnyPgColumn => projects.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("projects_year_code_key").on(t.year, t.code),
    index("projects_year_dept_idx").on(t.year, t.departmentId),
    index("projects_year_unit_idx").on(t.year, t.unitId),
    index("projects_year_stage_idx").on(t.year, t.stage),
    index("projects_year_requested_idx").on(t.year, t.requestedAmount),
    index("projects_predecessor_idx").on(t.predecessorId),
    index("projects_district_year_code_idx").on(t.districtId, t.year, t.code),
  ],
);

export type Project = typeof projects.$inferSelect;
