import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { listReports, listRounds } from "@/features/monitoring/queries";
import { getReportView } from "@/features/monitoring/report-queries";
import { checkIndicator, warningColour } from "@/features/monitoring/rules";
import { warningCounts } from "@/features/monitoring/warning-queries";
import { runUpdateYearSettings, updateYearSettingsDef } from "@/features/years/definitions";
import { runAction } from "@/server/action-client";
import { db } from "@/server/db";
import { auditLog, fiscalYears, monitoringNotices } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { failure } from "../factories/messages";
import { signedIn } from "../factories/users";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
let admin: CurrentUser, leader: CurrentUser, filer: CurrentUser;
let roundId: string;

beforeAll(async () => {
  [admin, leader, filer] = await Promise.all(["finance_admin", "leader", "dept_filer"].map(signedIn));
  const rounds = await listRounds(admin);
  roundId = rounds.find((r) => r.year === 2020 && r.periodMonths === 7)!.id;
});

const settingsForm = (year: typeof fiscalYears.$inferSelect, patch: Record<string, number>) => ({
  ...Object.fromEntries(
    Object.entries(year)
      .filter(([k]) => k !== "updatedAt")
      .map(([k, v]) => [k, String(v)]),
  ),
  ...Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, String(v)])),
});

describe("the 2020 demo round", () => {
  it("is filed for most projects with mostly green, some yellow and a few red", async () => {
    const [round] = await listRounds(admin).then((rs) => rs.filter((r) => r.id === roundId));
    expect(round!.total).toBe(1317);
    expect(round!.filed / round!.total).toBeGreaterThan(0.85);
    expect(round!.overdue).toBe(round!.notFiled); // due 2020-08-31, long past
    const { totals } = await warningCounts(admin, roundId);
    expect(totals.total).toBe(round!.filed);
    expect(totals.GREEN).toBeGreaterThan(totals.YELLOW);
    expect(totals.YELLOW).toBeGreaterThan(totals.RED);
    expect(totals.RED).toBeGreaterThan(20);
    expect(totals.flagged).toBeGreaterThan(0);
    const notices = await db.select({ s: monitoringNotices.status }).from(monitoringNotices);
    expect(new Set(notices.map((n) => n.s))).toEqual(new Set(["OPEN", "ANSWERED", "CLOSED"]));
  });

  it("computes in SQL what the pure rules compute, colours and indicator flags alike", async () => {
    const { rows } = await listReports(admin, roundId, { page: 1, filedOnly: true, flagged: true });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows.slice(0, 10)) {
      const view = (await getReportView(admin, row.id))!;
      const budget = [view.project.budgetCurrent, view.project.budgetCarryover, view.project.budgetOther];
      const executed = [
        view.report.executedCurrent!,
        view.report.executedCarryover!,
        view.report.executedOther!,
      ];
      const sum = (xs: string[]) =>
        (xs.reduce((a, x) => a + Math.round(Number(x) * 100), 0) / 100).toFixed(2);
      expect(row.colour).toBe(warningColour(sum(executed), sum(budget), 7, view.thresholds));
      const flags = view.indicators.filter(
        (i) => checkIndicator(i, view.progress[i.id] ?? "", 7, view.thresholds.deviation).flagged,
      ).length;
      expect(row.flagged).toBe(flags);
    }
  });
});

describe("a threshold change", () => {
  it("recolours the reports at once and is audited", async () => {
    const before = await warningCounts(admin, roundId);
    const [year] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, 2020));
    const update = (user: CurrentUser, patch: Record<string, number>, y = year!) =>
      runAction(updateYearSettingsDef, runUpdateYearSettings, {
        user,
        raw: settingsForm(y, patch),
        meta,
        t: (k: string) => k,
      });
    expect(failure(await update(filer, { warningRed: 70 })).code).toBe("FORBIDDEN");
    expect((await update(admin, { warningRed: 70, warningYellow: 90, indicatorDeviation: 10 })).ok).toBe(
      true,
    );

    const after = await warningCounts(admin, roundId);
    expect(after.totals.total).toBe(before.totals.total);
    expect(after.totals.RED).toBeGreaterThan(before.totals.RED);
    expect(after.totals.GREEN).toBeLessThan(before.totals.GREEN);
    expect(after.totals.flagged).toBeGreaterThan(before.totals.flagged);
    // A report between 60% and 70% was yellow and is now red, on every page that shows it.
    const { rows } = await listReports(admin, roundId, { page: 1, colour: "RED", filedOnly: true });
    const view = (await getReportView(admin, rows[0]!.id))!;
    expect(view.thresholds).toEqual({ red: 70, yellow: 90, deviation: 10 });

    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "year.settingsUpdated"), eq(auditLog.entityId, "2020")))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ actorUsername: "finance_admin", result: "SUCCESS" });
    expect(entry!.changes).toMatchObject({
      warningRed: [60, 70],
      warningYellow: [80, 90],
      indicatorDeviation: [20, 10],
    });
  });

  it("reads the same for finance and leaders, and a unit sees only its own", async () => {
    const a = await warningCounts(admin, roundId);
    const l = await warningCounts(leader, roundId);
    expect(l.totals).toEqual(a.totals);
    const unit = await listReports(filer, roundId, { page: 1 });
    const all = await listReports(admin, roundId, { page: 1 });
    expect(unit.total).toBeGreaterThan(0);
    expect(unit.total).toBeLessThan(all.total);
    expect(new Set(unit.rows.map((r) => r.unitName)).size).toBe(1);
  });
});
