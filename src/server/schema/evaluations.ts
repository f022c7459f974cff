import {
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { EVALUATION_STATUSES, EVALUATION_TYPES, GRADES } from "../../domain/evaluation";
import { TEMPLATE_CODES } from "../../domain/evaluation-templates";
import { districts } from "./districts";
import { fiscalYears } from "./fiscal-years";
import { organisations } from "./organisations";
import { projects } from "./projects";
import { samplingBatches } from "./sampling";
import { targetIndicators } from "./targets";
import { users } from "./users";

// 事后评价: one machinery for every type (SPEC §6). An evaluation has a type, a subject (a project, or
// an organisation for department-wide and township evaluations), an indicator score sheet, a total
// and a grade, a status flow with its history, and attachments (entity type "evaluation").

export const evaluationTypeEnum = pgEnum("evaluation_type", EVALUATION_TYPES);
export const evaluationStatusEnum = pgEnum("evaluation_status", EVALUATION_STATUSES);
export const gradeEnum = pgEnum("grade", GRADES);

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const points = (name: string) => numeric(name, { precision: 6, scale: 2 });

// A district's finance opens a type of evaluation for a budget year, with a due date (单位自评 of 2020
// in 2021), for the district's projects.
export const evaluationRounds = pgTable(
  "evaluation_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    type: evaluationTypeEnum("type").notNull(),
    year: integer("year")
      .notNull()
      .references(() => fiscalYears.year),
    // The district whose round it is (null: the province's own, covering every district).
    districtId: uuid("district_id").references(() => districts.id),
    dueDate: date("due_date").notNull(),
    openedBy: uuid("opened_by").references(() => users.id),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // One round of a type and year per district, and one of the province's own.
  (t) => [
    unique("evaluation_rounds_district_type_year_key").on(t.districtId, t.type, t.year).nullsNotDistinct(),
  ],
);

export const templateCodeEnum = pgEnum("evaluation_template_code", TEMPLATE_CODES);

// 评价指标体系: per year, one template per code (the project framework per special area, the
// department-wide and the township ones), edited by finance; evaluations copy its lines.
export const evaluationTemplates = pgTable(
  "evaluation_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year")
      .notNull()
      .references(() => fiscalYears.year),
    code: templateCodeEnum("code").notNull(),
    name: text("name").notNull(),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("evaluation_templates_year_code_key").on(t.year, t.code)],
);

export const evaluationTemplateItems = pgTable(
  "evaluation_template_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    templateId: uuid("template_id")
      .notNull()
      .references(() => evaluationTemplates.id, { onDelete: "cascade" }),
    // A dimension code of the template's kind (TEMPLATE_DIMENSIONS).
    level1: text("level1").notNull(),
    level2: text("level2").notNull(),
    name: text("name").notNull(),
    maxPoints: points("max_points").notNull(),
    // 评分标准: how the points are earned.
    guide: text("guide").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("evaluation_template_items_template_idx").on(t.templateId, t.sortOrder)],
);

export const evaluations = pgTable(
  "evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    type: evaluationTypeEnum("type").notNull(),
    year: integer("year")
      .notNull()
      .references(() => fiscalYears.year),
    projectId: uuid("project_id").references(() => projects.id),
    subjectOrgId: uuid("subject_org_id").references(() => organisations.id),
    // A sampled review belongs to its batch (the batch's group decides who may score it).
    batchId: uuid("batch_id").references(() => samplingBatches.id),
    status: evaluationStatusEnum("status").notNull().default("DRAFT"),
    // 全年预算数 and 执行数 as the evaluation states them (元); 预算执行率 points come from these.
    budgetTotal: money("budget_total"),
    executedTotal: money("executed_total"),
    // Computed on submit (or settle) and stored, so lists and dashboards never recompute.
    totalScore: points("total_score"),
    grade: gradeEnum("grade"),
    // 总体评价与偏差分析 and 改进措施 (self), or the group's overall opinion (sampled).
    summary: text("summary").notNull().default(""),
    improvement: text("improvement").notNull().default(""),
    filedBy: uuid("filed_by").references(() => users.id),
    // The template the sheet was copied from (key, third-party, department-wide, township).
    templateId: uuid("template_id").references(() => evaluationTemplates.id),
    // Where the subject scores itself first (department-wide, township): its own total beside the
    // evaluator's.
    selfTotalScore: points("self_total_score"),
    // The subject's own report where it evaluates itself first (a department's 整体自评报告, a
    // township's 自评报告); `summary` stays the evaluator's report.
    selfReport: text("self_report").notNull().default(""),
    // 完成时限 of a key evaluation or an engagement.
    dueDate: date("due_date"),
    createdBy: uuid("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("evaluations_type_project_key")
      .on(t.type, t.projectId)
      .where(sql`${t.projectId} is not null`),
    uniqueIndex("evaluations_type_year_subject_key")
      .on(t.type, t.year, t.subjectOrgId)
      .where(sql`${t.subjectOrgId} is not null`),
    index("evaluations_year_type_status_idx").on(t.year, t.type, t.status),
    index("evaluations_batch_idx").on(t.batchId),
  ],
);

// One row per indicator of the sheet scored: a copy of the target indicator (so a later target
// adjustment does not rewrite a filed evaluation) with the actual value, the points and a note
// (偏差原因分析及改进措施 for a unit; 评分意见 for a reviewer).
export const evaluationScores = pgTable(
  "evaluation_scores",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    targetIndicatorId: uuid("target_indicator_id").references(() => targetIndicators.id),
    level1: text("level1").notNull(),
    level2: text("level2").notNull(),
    name: text("name").notNull(),
    targetText: text("target_text").notNull().default(""),
    maxPoints: points("max_points").notNull(),
    actualValue: text("actual_value").notNull().default(""),
    points: points("points"),
    note: text("note").notNull().default(""),
    // The subject's own points and explanation, where it scores itself first.
    selfPoints: points("self_points"),
    selfNote: text("self_note").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("evaluation_scores_evaluation_idx").on(t.evaluationId, t.sortOrder)],
);

export const evaluationTransitions = pgTable(
  "evaluation_transitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    fromStatus: evaluationStatusEnum("from_status"),
    toStatus: evaluationStatusEnum("to_status").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    comment: text("comment").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("evaluation_transitions_evaluation_idx").on(t.evaluationId, t.createdAt)],
);

// Finance reviewers assigned to a key evaluation (one of them leads and submits).
export const evaluationAssignees = pgTable(
  "evaluation_assignees",
  {
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    lead: integer("lead").notNull().default(0),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.evaluationId, t.userId] }),
    index("evaluation_assignees_user_idx").on(t.userId),
  ],
);

// 发现的问题 and 整改要求: what an evaluation found and what must be put right by when. A
// rectification item (整改) is raised from a finding.
export const evaluationFindings = pgTable(
  "evaluation_findings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    problem: text("problem").notNull(),
    requirement: text("requirement").notNull().default(""),
    dueDate: date("due_date"),
    sortOrder: integer("sort_order").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("evaluation_findings_evaluation_idx").on(t.evaluationId, t.sortOrder)],
);

// 审议意见: what 人大 (a LEADER) recorded on a department-wide evaluation.
export const evaluationOpinions = pgTable(
  "evaluation_opinions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("evaluation_opinions_evaluation_idx").on(t.evaluationId, t.createdAt)],
);

export type Evaluation = typeof evaluations.$inferSelect;
export type EvaluationScore = typeof evaluationScores.$inferSelect;
