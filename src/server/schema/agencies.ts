import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { evaluations } from "./evaluations";
import { organisations } from "./organisations";
import { users } from "./users";

// 第三方机构库: an agency is an organisation of kind AGENCY; its registry record adds status,
// qualifications, staff, violation records, declared conflicts of interest and a rating history.

export const AGENCY_STATUSES = ["ACTIVE", "SUSPENDED", "BLACKLISTED"] as const;
export type AgencyStatus = (typeof AGENCY_STATUSES)[number];
export const agencyStatusEnum = pgEnum("agency_status", AGENCY_STATUSES);

export const agencyProfiles = pgTable("agency_profiles", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organisations.id),
  status: agencyStatusEnum("status").notNull().default("ACTIVE"),
  creditCode: text("credit_code").notNull().default(""),
  qualifications: text("qualifications").notNull().default(""),
  contactName: text("contact_name").notNull().default(""),
  contactPhone: text("contact_phone").notNull().default(""),
  address: text("address").notNull().default(""),
  statusReason: text("status_reason").notNull().default(""),
  // Set the first time the agency is blacklisted and never cleared: a lifted ban still counts.
  blacklistedOn: date("blacklisted_on"),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const agencyStaff = pgTable(
  "agency_staff",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    title: text("title").notNull().default(""),
    qualification: text("qualification").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agency_staff_agency_idx").on(t.agencyId)],
);

export const agencyViolations = pgTable(
  "agency_violations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => organisations.id),
    occurredOn: date("occurred_on").notNull(),
    description: text("description").notNull(),
    penalty: text("penalty").notNull().default(""),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agency_violations_agency_idx").on(t.agencyId, t.occurredOn)],
);

// Departments an agency declared it may not evaluate (利益冲突).
export const agencyConflicts = pgTable(
  "agency_conflicts",
  {
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => organisations.id),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => organisations.id),
    reason: text("reason").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.departmentId] })],
);

// 第三方委托: finance engages an agency to carry out an evaluation (a project's, or the field
// evaluation of a department-wide one) for a fee by a deadline. Before it starts, the agency names
// its team and declares for them that none has a conflict of interest with the evaluated department.
export const engagements = pgTable(
  "engagements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => organisations.id),
    fee: numeric("fee", { precision: 18, scale: 2 }).notNull(),
    deadline: date("deadline").notNull(),
    scope: text("scope").notNull().default(""),
    engagedBy: uuid("engaged_by").references(() => users.id),
    engagedAt: timestamp("engaged_at", { withTimezone: true }).notNull().defaultNow(),
    declaredBy: uuid("declared_by").references(() => users.id),
    declaredAt: timestamp("declared_at", { withTimezone: true }),
    declaration: text("declaration").notNull().default(""),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("engagements_evaluation_key").on(t.evaluationId),
    index("engagements_agency_idx").on(t.agencyId, t.deadline),
  ],
);

// The agency staff on an engagement, named in the declaration.
export const engagementTeam = pgTable(
  "engagement_team",
  {
    engagementId: uuid("engagement_id")
      .notNull()
      .references(() => engagements.id, { onDelete: "cascade" }),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => agencyStaff.id),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.staffId] })],
);

// 机构评价: finance rates an agency (100 points) after each engagement; the agency's rating is the
// history of these, one per engagement.
export const agencyRatings = pgTable(
  "agency_ratings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => organisations.id),
    engagementId: uuid("engagement_id").references(() => engagements.id),
    ratedOn: date("rated_on").notNull(),
    score: numeric("score", { precision: 5, scale: 2 }).notNull(),
    // Points by criterion (质量, 及时性, 独立性, 规范性 …), summing to the score.
    breakdown: jsonb("breakdown").$type<Record<string, number>>().notNull(),
    comment: text("comment").notNull().default(""),
    ratedBy: uuid("rated_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("agency_ratings_agency_idx").on(t.agencyId, t.ratedOn),
    uniqueIndex("agency_ratings_engagement_key").on(t.engagementId),
  ],
);
