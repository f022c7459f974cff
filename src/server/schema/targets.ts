import {
  boolean,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { DIRECTIONS, LEVEL1, LEVEL2, OPERATORS, SHEET_STATUSES } from "../../features/targets/levels";
import { fiscalYears } from "./fiscal-years";
import { projects } from "./projects";
import { users } from "./users";

export const targetSheetStatusEnum = pgEnum("target_sheet_status", SHEET_STATUSES);
export const indicatorLevel1Enum = pgEnum("indicator_level1", LEVEL1);
export const indicatorLevel2Enum = pgEnum("indicator_level2", LEVEL2);
export const indicatorOperatorEnum = pgEnum("indicator_operator", OPERATORS);
export const indicatorDirectionEnum = pgEnum("indicator_direction", DIRECTIONS);

// 指标库: reusable level-3 indicators by sector ("general" for all), copied into sheets when picked.
export const libraryIndicators = pgTable(
  "library_indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sector: text("sector").notNull(),
    level1: indicatorLevel1Enum("level1").notNull(),
    level2: indicatorLevel2Enum("level2").notNull(),
    name: text("name").notNull(),
    operator: indicatorOperatorEnum("operator").notNull(),
    unit: text("unit").notNull().default(""),
    targetHint: text("target_hint").notNull().default(""),
    description: text("description").notNull().default(""),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("library_indicators_sector_idx").on(t.sector, t.level1, t.level2)],
);

// 绩效目标表: one row per version. An approved version never changes; 调整 adds the next version,
// pointing back at the one it supersedes.
export const targetSheets = pgTable(
  "target_sheets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    year: integer("year")
      .notNull()
      .references(() => fiscalYears.year),
    versionNo: integer("version_no").notNull().default(1),
    supersedesId: uuid("supersedes_id").references((): AnyPgColumn => targetSheets.id),
    status: targetSheetStatusEnum("status").notNull().default("DRAFT"),
    overallGoal: text("overall_goal").notNull().default(""),
    version: integer("version").notNull().default(1),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("target_sheets_project_version_key").on(t.projectId, t.versionNo),
    index("target_sheets_year_status_idx").on(t.year, t.status),
  ],
);

export const targetIndicators = pgTable(
  "target_indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sheetId: uuid("sheet_id")
      .notNull()
      .references(() => targetSheets.id, { onDelete: "cascade" }),
    level1: indicatorLevel1Enum("level1").notNull(),
    level2: indicatorLevel2Enum("level2").notNull(),
    name: text("name").notNull(),
    operator: indicatorOperatorEnum("operator").notNull(),
    targetValue: text("target_value").notNull().default(""),
    unit: text("unit").notNull().default(""),
    points: numeric("points", { precision: 6, scale: 2 }).notNull().default("0"),
    direction: indicatorDirectionEnum("direction").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    libraryIndicatorId: uuid("library_indicator_id").references(() => libraryIndicators.id),
  },
  (t) => [index("target_indicators_sheet_idx").on(t.sheetId, t.sortOrder)],
);

// Every move of a sheet, with who made it and the comment (return reasons, approval opinions).
export const targetSheetTransitions = pgTable(
  "target_sheet_transitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sheetId: uuid("sheet_id")
      .notNull()
      .references(() => targetSheets.id, { onDelete: "cascade" }),
    fromStatus: targetSheetStatusEnum("from_status"),
    toStatus: targetSheetStatusEnum("to_status").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    comment: text("comment").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("target_sheet_transitions_sheet_idx").on(t.sheetId, t.createdAt)],
);

export type TargetSheet = typeof targetSheets.$inferSelect;
export type TargetIndicator = typeof targetIndicators.$inferSelect;
export type LibraryIndicator = typeof libraryIndicators.$inferSelect;
