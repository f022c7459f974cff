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
import { projects } from "./projects";
import { users } from "./users";

// 事前绩效评估: the unit's own assessment of a project, the department's and finance's review, and
// 财政再评估 by an expert group ending in finance's conclusion. Totals (得分合计, 核减额, 核减率) are
// computed from these rows, never stored.

export const PRE_ASSESSMENT_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "DEPT_APPROVED",
  "RETURNED",
  "FINANCE_REVIEWING",
  "IN_EXPERT_REVIEW",
  "CONCLUDED",
] as const;
export type PreAssessmentStatus = (typeof PRE_ASSESSMENT_STATUSES)[number];
export const preAssessmentStatusEnum = pgEnum("pre_assessment_status", PRE_ASSESSMENT_STATUSES);

export const PRE_ASSESSMENT_CONCLUSIONS = ["SUPPORT", "SUPPORT_ADJUSTED", "REJECT"] as const;
export type PreAssessmentConclusion = (typeof PRE_ASSESSMENT_CONCLUSIONS)[number];
export const preAssessmentConclusionEnum = pgEnum("pre_assessment_conclusion", PRE_ASSESSMENT_CONCLUSIONS);

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

export const preAssessments = pgTable(
  "pre_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .unique()
      .references(() => projects.id),
    status: preAssessmentStatusEnum("status").notNull().default("DRAFT"),
    // 立项必要性, 投入经济性, 绩效目标合理性, 实施方案可行性, 筹资合规性: 0–20 each, null until scored.
    necessityScore: integer("necessity_score"),
    necessityText: text("necessity_text"),
    economyScore: integer("economy_score"),
    economyText: text("economy_text"),
    targetsScore: integer("targets_score"),
    targetsText: text("targets_text"),
    feasibilityScore: integer("feasibility_score"),
    feasibilityText: text("feasibility_text"),
    complianceScore: integer("compliance_score"),
    complianceText: text("compliance_text"),
    conclusion: preAssessmentConclusionEnum("conclusion"),
    recommendedAmount: money("recommended_amount"),
    conclusionNote: text("conclusion_note"),
    // Set when finance concluded before every expert had submitted: the reason is kept.
    conclusionOverride: boolean("conclusion_override").notNull().default(false),
    concludedBy: uuid("concluded_by").references(() => users.id),
    concludedAt: timestamp("concluded_at", { withTimezone: true }),
    filedBy: uuid("filed_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("pre_assessments_status_idx").on(t.status)],
);
export type PreAssessment = typeof preAssessments.$inferSelect;

export const preAssessmentHistory = pgTable(
  "pre_assessment_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    preAssessmentId: uuid("pre_assessment_id")
      .notNull()
      .references(() => preAssessments.id),
    fromStatus: preAssessmentStatusEnum("from_status"),
    toStatus: preAssessmentStatusEnum("to_status").notNull(),
    comment: text("comment"),
    actorId: uuid("actor_id").references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("pre_assessment_history_pa_idx").on(t.preAssessmentId, t.at)],
);

export const expertGroups = pgTable(
  "expert_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year")
      .notNull()
      .references(() => fiscalYears.year),
    // The district whose group it is (null: the province's own).
    districtId: uuid("district_id").references(() => districts.id),
    name: text("name").notNull(),
    leadExpertId: uuid("lead_expert_id")
      .notNull()
      .references(() => users.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("expert_groups_district_year_name_key").on(t.districtId, t.year, t.name).nullsNotDistinct()],
);

export const expertGroupMembers = pgTable(
  "expert_group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => expertGroups.id),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.expertId] }),
    index("expert_group_members_expert_idx").on(t.expertId),
  ],
);

// A project is re-evaluated by one group only.
export const expertGroupProjects = pgTable(
  "expert_group_projects",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => expertGroups.id),
    projectId: uuid("project_id")
      .notNull()
      .unique()
      .references(() => projects.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.projectId] })],
);

export const expertReviews = pgTable(
  "expert_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => expertGroups.id),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => users.id),
    necessityScore: integer("necessity_score").notNull(),
    economyScore: integer("economy_score").notNull(),
    targetsScore: integer("targets_score").notNull(),
    feasibilityScore: integer("feasibility_score").notNull(),
    complianceScore: integer("compliance_score").notNull(),
    opinion: text("opinion").notNull(),
    submitted: boolean("submitted").notNull().default(false),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("expert_reviews_project_expert_key").on(t.projectId, t.expertId)],
);
