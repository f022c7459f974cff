import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Failed sign-ins per client address (等保 身份鉴别 b): a count in a window, and the time before which
// the address may not try again. Kept in the database so every app instance slows the same address.
export const signInThrottle = pgTable("sign_in_throttle", {
  address: text("address").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
});
