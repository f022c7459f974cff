import {
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  DEVIATION_REASONS,
  FUNDING_SOURCES,
  LIKELIHOODS,
  NOTICE_KINDS,
  NOTICE_STATUSES,
  REPORT_STATUSES,
  SCOPE_RULES,
} from "../../features/monitoring/constants";
import { districts } from "./districts";
import { fiscalYears } from "./fiscal-years";
import { organisations } from "./organisations";
import { projects } from "./projects";
import { targetIndicators, targetSheets } from "./targets";
import { users } from "./users";

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

export const monitoringReportStatusEnum = pgEnum("monitoring_report_status", REPORT_STATUSES);
export const monitoringScopeRuleEnum = pgEnum("monitoring_scope_rule", SCOPE_RULES);
export const monitoringLikelihoodEnum = pgEnum("monitoring_likelihood", LIKELIHOODS);
export const deviationReasonEnum = pgEnum("deviation_reason", DEVIATION_REASONS);
export const fundingSourceEnum = pgEnum("funding_source", FUNDING_SOURCES);
export const monitoringNoticeKindEnum = pgEnum("monitoring_notice_kind", NOTICE_KINDS);
export const monitoringNoticeStatusEnum = pgEnum("monitoring_notice_status", NOTICE_STATUSES);

// 监控轮次: a period of a year (months 1..periodMonths) and the projects chosen by its rule. The rule
// is kept for the record; the chosen projects are the round's reports, created when it opens.
export const monitoringRounds = pgTable(
  "monitoring_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year")
      .notNull()
      .references(() => fiscalYears.year),
    // The district whose round it is (null: the province's own, covering every district).
    districtId: uuid("district_id").references(() => districts.id),
    name: text("name").notNull(),
    periodMonths: integer("period_months").notNull(),
    dueDate: date("due_date").notNull(),
    scopeRule: monitoringScopeRuleEnum("scope_rule").notNull(),
    minAmount: money("min_amount"),
    departmentIds: uuid("department_ids").array().notNull().default([]),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("monitoring_rounds_district_year_idx").on(t.districtId, t.year)],
);

// One project's report in a round. Amounts are what the unit reports to date by funding source;
// warning colours are computed from them and the year's thresholds when shown, never stored.
export const monitoringReports = pgTable(
  "monitoring_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => monitoringRounds.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => organisations.id),
    status: monitoringReportStatusEnum("status").notNull().default("NOT_FILED"),
    /** The target-sheet version whose indicators the progress is reported against. */
    targetSheetId: uuid("target_sheet_id").references(() => targetSheets.id),
    executedCurrent: money("executed_current"),
    executedCarryover: money("executed_carryover"),
    executedOther: money("executed_other"),
    /** Why the reported amounts differ from the imported treasury payments. */
    executedReason: text("executed_reason").notNull().default(""),
    likelihood: monitoringLikelihoodEnum("likelihood"),
    deviationReasons: deviationReasonEnum("deviation_reasons").array().notNull().default([]),
    deviationNote: text("deviation_note").notNull().default(""),
    measures: text("measures").notNull().default(""),
    version: integer("version").notNull().default(1),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("monitoring_reports_round_project_key").on(t.roundId, t.projectId),
    index("monitoring_reports_round_dept_idx").on(t.roundId, t.departmentId, t.status),
    index("monitoring_reports_project_idx").on(t.projectId),
  ],
);

export const monitoringProgress = pgTable(
  "monitoring_progress",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => monitoringReports.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => targetIndicators.id),
    value: text("value").notNull().default(""),
  },
  (t) => [unique("monitoring_progress_report_indicator_key").on(t.reportId, t.indicatorId)],
);

export const monitoringReportTransitions = pgTable(
  "monitoring_report_transitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => monitoringReports.id, { onDelete: "cascade" }),
    fromStatus: monitoringReportStatusEnum("from_status"),
    toStatus: monitoringReportStatusEnum("to_status").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    comment: text("comment").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("monitoring_report_transitions_report_idx").on(t.reportId, t.createdAt)],
);

// 国库支付数据: one row per payment, imported by finance in all-or-nothing batches.
export const paymentImports = pgTable(
  "payment_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year")
      .notNull()
      .references(() => fiscalYears.year),
    filename: text("filename").notNull(),
    rowCount: integer("row_count").notNull(),
    total: money("total").notNull(),
    importedBy: uuid("imported_by").references(() => users.id),
    // The rows' content (project, date, amount, source), sorted and hashed: the same payments twice are refused.
    contentHash: text("content_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("payment_imports_year_content_key").on(t.year, t.contentHash)],
);

export const treasuryPayments = pgTable(
  "treasury_payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    importId: uuid("import_id")
      .notNull()
      .references(() => paymentImports.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    paidOn: date("paid_on").notNull(),
    amount: money("amount").notNull(),
    source: fundingSourceEnum("source").notNull(),
  },
  (t) => [index("treasury_payments_project_idx").on(t.projectId, t.paidOn)],
);

// 财政处理: a correction notice, suspended or stopped funding, or an approved target adjustment. Each
// is tracked: the department answers, finance closes.
export const monitoringNotices = pgTable(
  "monitoring_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => monitoringReports.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    kind: monitoringNoticeKindEnum("kind").notNull(),
    status: monitoringNoticeStatusEnum("status").notNull().default("OPEN"),
    content: text("content").notNull(),
    dueDate: date("due_date"),
    /** The new target-sheet version a TARGET_ADJUSTMENT created. */
    targetSheetId: uuid("target_sheet_id").references(() => targetSheets.id),
    reply: text("reply").notNull().default(""),
    repliedBy: uuid("replied_by").references(() => users.id),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    closingNote: text("closing_note").notNull().default(""),
    closedBy: uuid("closed_by").references(() => users.id),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("monitoring_notices_report_idx").on(t.reportId),
    index("monitoring_notices_project_idx").on(t.projectId, t.status),
  ],
);

export type MonitoringRound = typeof monitoringRounds.$inferSelect;
export type MonitoringReport = typeof monitoringReports.$inferSelect;
export type MonitoringNotice = typeof monitoringNotices.$inferSelect;
