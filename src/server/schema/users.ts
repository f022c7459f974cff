import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { roleEnum } from "./enums";
import { districts } from "./districts";
import { organisations } from "./organisations";

// One role per account: SYS_ADMIN, AUDITOR and the business roles can never share an account (三权分立).
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: roleEnum("role").notNull(),
    orgId: uuid("org_id").references(() => organisations.id),
    // For an account without an organisation (a leader, an expert): the district whose data it reads.
    // With an organisation, the organisation's district applies.
    districtId: uuid("district_id").references(() => districts.id),
    active: boolean("active").notNull().default(true),
    // Bumped whenever the account is disabled, its role or password changes, or it signs out:
    // a session token carrying an older value is refused on the next request.
    sessionVersion: integer("session_version").notNull().default(1),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    // Two-factor sign-in (TOTP, RFC 6238). The secret is kept encrypted; the pending one waits for
    // the first code during enrolment. The last accepted time step refuses a replayed code.
    totpSecret: text("totp_secret"),
    totpPendingSecret: text("totp_pending_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("users_org_idx").on(t.orgId), index("users_role_idx").on(t.role)],
);

export type User = typeof users.$inferSelect;

// One row per signed-in browser. The session token carries its id; the server accepts the token
// only while the row is neither revoked (sign-out) nor idle too long nor past its absolute lifetime,
// so a copied cookie stops working when its owner signs out.
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

// Two-factor recovery codes: ten per enrolment, shown once, kept as hashes, each good for one sign-in.
export const userRecoveryCodes = pgTable(
  "user_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("user_recovery_codes_user_idx").on(t.userId)],
);
