import {
  date,
  index,
  integer,
  jsonb,
  boolean,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  RECTIFICATION_EVENTS,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUSES,
} from "../../domain/rectification";
import { evaluationFindings } from "./evaluations";
import { organisations } from "./organisations";
import { projects } from "./projects";
import { users } from "./users";

export const rectificationSourceEnum = pgEnum("rectification_source", RECTIFICATION_SOURCES);
export const rectificationStatusEnum = pgEnum("rectification_status", RECTIFICATION_STATUSES);
export const rectificationEventEnum = pgEnum("rectification_event", RECTIFICATION_EVENTS);

// 整改: an item raised by finance from a finding (an evaluation's, a monitoring notice, a sampling
// feedback); the responsible department (or unit) replies with measures and evidence (attachments of
// entity type "rectification"), finance closes it or reopens it with a reason. Every move is an event.
export const rectificationItems = pgTable(
  "rectification_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sourceType: rectificationSourceEnum("source_type").notNull(),
    /** The record raised from: the evaluation, monitoring notice or sampling feedback. */
    sourceId: uuid("source_id").notNull(),
    findingId: uuid("finding_id").references(() => evaluationFindings.id, { onDelete: "set null" }),
    projectId: uuid("project_id").references(() => projects.id),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => organisations.id),
    unitId: uuid("unit_id").references(() => organisations.id),
    problem: text("problem").notNull(),
    requirement: text("requirement").notNull(),
    deadline: date("deadline").notNull(),
    status: rectificationStatusEnum("status").notNull().default("OPEN"),
    /** The latest measures replied (the full history is in the events). */
    measures: text("measures").notNull().default(""),
    raisedBy: uuid("raised_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("rectification_items_dept_status_idx").on(t.departmentId, t.status, t.deadline),
    index("rectification_items_source_idx").on(t.sourceType, t.sourceId),
    index("rectification_items_project_idx").on(t.projectId),
  ],
);

export const rectificationEvents = pgTable(
  "rectification_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => rectificationItems.id, { onDelete: "cascade" }),
    event: rectificationEventEnum("event").notNull(),
    /** Measures (replied), reason (reopened) or comment (closed). */
    body: text("body").notNull().default(""),
    actorId: uuid("actor_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rectification_events_item_idx").on(t.itemId, t.createdAt)],
);

// 结果应用: what finance decided on a project's suggestion (the suggestion itself is computed from the
// deciding grade and the year's settings when shown): an adjusted percent with its reason,
// accountability notes and the disclosure flag.
export const resultApplications = pgTable("result_applications", {
  projectId: uuid("project_id")
    .primaryKey()
    .references(() => projects.id),
  adjustedPercent: integer("adjusted_percent"),
  adjustReason: text("adjust_reason").notNull().default(""),
  accountability: text("accountability").notNull().default(""),
  disclosed: boolean("disclosed").notNull().default(false),
  version: integer("version").notNull().default(1),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const NOTIFICATION_KINDS = [
  "SUBMITTED",
  "RETURNED",
  "ASSIGNED",
  "APPROVED",
  "DUE_SOON",
  "OVERDUE",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const notificationKindEnum = pgEnum("notification_kind", NOTIFICATION_KINDS);

// 待办 and notifications: one row per recipient, written in the hand-off's transaction. The title is a
// message key with parameters, so each reader sees it in their language. A dedupe key makes the
// deadline reminders idempotent.
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKindEnum("kind").notNull(),
    titleKey: text("title_key").notNull(),
    params: jsonb("params").$type<Record<string, string>>().notNull().default({}),
    link: text("link").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    dedupeKey: text("dedupe_key"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_recipient_idx").on(t.recipientId, t.readAt, t.createdAt),
    uniqueIndex("notifications_recipient_dedupe_key").on(t.recipientId, t.dedupeKey),
  ],
);

export type RectificationItem = typeof rectificationItems.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
