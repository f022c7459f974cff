import {
  boolean,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { districts } from "./districts";
import { fiscalYears } from "./fiscal-years";
import { organisations } from "./organisations";
import { projects } from "./projects";
import { users } from "./users";

// 集中抽评: a batch drawn from a year's self-evaluated projects by recorded rules and seed, split into
// groups of reviewers; each selected project gets a SAMPLED evaluation (evaluations.batch_id); finance
// publishes 反馈意见 to each department.

export const SAMPLING_BATCH_STATUSES = ["DRAFT", "STARTED", "CLOSED"] as const;
export type SamplingBatchStatus = (typeof SAMPLING_BATCH_STATUSES)[number];
export const samplingBatchStatusEnum = pgEnum("sampling_batch_status", SAMPLING_BATCH_STATUSES);

// Why a project is in the batch: a must-include rule, or the stratified random draw.
export const SELECTION_REASONS = ["LARGE_AMOUNT", "LAST_YEAR_FAIL", "RED_WARNING", "RANDOM"] as const;
export type SelectionReason = (typeof SELECTION_REASONS)[number];
export const selectionReasonEnum = pgEnum("selection_reason", SELECTION_REASONS);

export const FEEDBACK_STATUSES = ["DRAFT", "PUBLISHED"] as const;
export const feedbackStatusEnum = pgEnum("feedback_status", FEEDBACK_STATUSES);

export const samplingBatches = pgTable(
  "sampling_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year")
      .notNull()
      .references(() => fiscalYears.year),
    // The district whose batch it is, drawn from its projects (null: the province's own, from all).
    districtId: uuid("district_id").references(() => districts.id),
    name: text("name").notNull(),
    status: samplingBatchStatusEnum("status").notNull().default("DRAFT"),
    // The draw's inputs, kept so the same inputs can be shown and drawn again.
    sampleSize: integer("sample_size").notNull(),
    seed: integer("seed").notNull(),
    minAmount: numeric("min_amount", { precision: 18, scale: 2 }),
    includeLastYearFail: boolean("include_last_year_fail").notNull().default(true),
    includeRedWarnings: boolean("include_red_warnings").notNull().default(true),
    groupCount: integer("group_count").notNull(),
    populationSize: integer("population_size").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
  },
  (t) => [
    unique("sampling_batches_district_year_name_key").on(t.districtId, t.year, t.name).nullsNotDistinct(),
  ],
);

export const samplingGroups = pgTable(
  "sampling_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => samplingBatches.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    leadId: uuid("lead_id").references(() => users.id),
  },
  (t) => [unique("sampling_groups_batch_name_key").on(t.batchId, t.name)],
);

export const samplingGroupMembers = pgTable(
  "sampling_group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => samplingGroups.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index("sampling_group_members_user_idx").on(t.userId),
  ],
);

export const samplingSelections = pgTable(
  "sampling_selections",
  {
    batchId: uuid("batch_id")
      .notNull()
      .references(() => samplingBatches.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    groupId: uuid("group_id").references(() => samplingGroups.id, { onDelete: "set null" }),
    reason: selectionReasonEnum("reason").notNull(),
    // The stratum the project was drawn from: department and amount band, e.g. "D03:B2".
    stratum: text("stratum").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.projectId] }),
    index("sampling_selections_group_idx").on(t.groupId),
    index("sampling_selections_project_idx").on(t.projectId),
  ],
);

// 反馈意见 to one department: its sampled projects and scores come from the data; finance writes the
// problems found and the requirements, publishes, and the department acknowledges.
export const samplingFeedback = pgTable(
  "sampling_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => samplingBatches.id, { onDelete: "cascade" }),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => organisations.id),
    status: feedbackStatusEnum("status").notNull().default("DRAFT"),
    problems: text("problems").notNull().default(""),
    requirements: text("requirements").notNull().default(""),
    version: integer("version").notNull().default(1),
    publishedBy: uuid("published_by").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("sampling_feedback_batch_department_key").on(t.batchId, t.departmentId)],
);
