// 整改: the pure rules of a rectification item (no I/O). Days are the bureau's days: a deadline is a
// calendar date in Asia/Shanghai, and "today" is the date there, whatever the server's time zone.

export const RECTIFICATION_SOURCES = [
  "MONITORING_NOTICE",
  "SAMPLED",
  "KEY",
  "THIRD_PARTY",
  "DEPT_OVERALL",
  "TOWNSHIP_FISCAL",
] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];

export const RECTIFICATION_STATUSES = ["OPEN", "REPLIED", "CLOSED"] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_EVENTS = ["RAISED", "REPLIED", "REOPENED", "CLOSED"] as const;
export type RectificationEvent = (typeof RECTIFICATION_EVENTS)[number];

/** The moves of an item: who acts is checked by permission and scope; here only from → to. */
export const RECTIFICATION_MOVES = {
  reply: { from: ["OPEN"], to: "REPLIED", event: "REPLIED" },
  reopen: { from: ["REPLIED"], to: "OPEN", event: "REOPENED" },
  close: { from: ["REPLIED"], to: "CLOSED", event: "CLOSED" },
} as const satisfies Record<
  string,
  { from: readonly RectificationStatus[]; to: RectificationStatus; event: RectificationEvent }
>;

export const BUREAU_TIME_ZONE = "Asia/Shanghai";
export const DUE_SOON_DAYS = 3;

/** The calendar date (YYYY-MM-DD) of an instant in the bureau's time zone. */
export function bureauDate(at: Date, timeZone = BUREAU_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** A date (YYYY-MM-DD) moved by whole days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Overdue: not closed and the deadline is before today (the deadline day itself is still in time). */
export function isOverdue(
  item: { status: RectificationStatus; deadline: string },
  now: Date,
  timeZone = BUREAU_TIME_ZONE,
): boolean {
  return item.status !== "CLOSED" && item.deadline < bureauDate(now, timeZone);
}

/** Due soon: not closed, not overdue, and the deadline falls within the next `days` days. */
export function isDueSoon(
  item: { status: RectificationStatus; deadline: string },
  now: Date,
  days = DUE_SOON_DAYS,
  timeZone = BUREAU_TIME_ZONE,
): boolean {
  const today = bureauDate(now, timeZone);
  return item.status !== "CLOSED" && item.deadline >= today && item.deadline <= addDays(today, days);
}
