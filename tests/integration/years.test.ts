import { and, desc, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { runUpdateYearSettings, updateYearSettingsDef } from "@/features/years/definitions";
import { SETTINGS_FIELDS } from "@/features/years/schemas";
import { updateYearSettings } from "@/features/years/service";
import { runAction } from "@/server/action-client";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { auditLog, fiscalYears } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { signedIn } from "../factories/users";

// Year 2021 is this file's: other files (which may share the server database) leave it alone.
const YEAR = 2021;
const meta = { ip: "10.1.2.3", userAgent: "vitest" };
// Marks a translated key without losing it, so assertions name the message.
const t = (key: string) => `msg:${key}`;

async function formFor(year: number): Promise<Record<string, string>> {
  const [row] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, year));
  return {
    year: String(year),
    version: String(row!.version),
    ...Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, String(row![f])])),
  };
}

const submit = (user: CurrentUser, raw: Record<string, string>) =>
  runAction(updateYearSettingsDef, runUpdateYearSettings, { user, raw, meta, t });

afterAll(async () => {
  // Put the year back to its defaults for anyone reading it afterwards.
  const admin = await signedIn("finance_admin");
  const form = await formFor(YEAR);
  const [row] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, YEAR));
  await submit(admin, { ...form, version: String(row!.version), preAssessmentThreshold: "3000000" });
});

describe("year settings: validation", () => {
  it("puts a weights total other than 100 on the weights group", async () => {
    const admin = await signedIn("finance_admin");
    const result = await submit(admin, { ...(await formFor(YEAR)), weightOutput: "55" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("VALIDATION");
    expect(result.fieldErrors?.weights).toEqual(["msg:validation.weightsSum"]);
    // The typed values come back so the form can show them again.
    expect(result.values?.weightOutput).toBe("55");
  });

  it("puts 督考 weights not adding up to 100 on their group, and saves them when they do", async () => {
    const admin = await signedIn("finance_admin");
    const form = await formFor(YEAR);
    const bad = await submit(admin, { ...form, assessCoverage: "25" });
    expect(!bad.ok && bad.fieldErrors?.assessWeights).toEqual(["msg:validation.assessWeightsSum"]);
    const month = await submit(admin, { ...form, targetDueMonth: "13" });
    expect(!month.ok && month.fieldErrors?.targetDueMonth).toBeTruthy();
    const saved = await submit(admin, {
      ...form,
      assessCoverage: "25",
      assessNotices: "5",
      targetDueMonth: "4",
    });
    expect(saved.ok).toBe(true);
    const [row] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, YEAR));
    expect(row).toMatchObject({ assessCoverage: 25, assessNotices: 5, targetDueMonth: 4 });
    const back = await formFor(YEAR);
    expect(
      (
        await submit(admin, {
          ...back,
          assessCoverage: form.assessCoverage,
          assessNotices: form.assessNotices,
          targetDueMonth: form.targetDueMonth,
        })
      ).ok,
    ).toBe(true);
  });

  it("puts cut-offs and warning lines out of order on the field at fault", async () => {
    const admin = await signedIn("finance_admin");
    const form = await formFor(YEAR);
    const grades = await submit(admin, { ...form, gradeGood: "92" });
    expect(!grades.ok && grades.fieldErrors?.gradeGood).toEqual(["msg:validation.gradeGoodBelowExcellent"]);
    const pass = await submit(admin, { ...form, gradePass: "80" });
    expect(!pass.ok && pass.fieldErrors?.gradePass).toEqual(["msg:validation.gradePassBelowGood"]);
    const warnings = await submit(admin, { ...form, warningYellow: "50" });
    expect(!warnings.ok && warnings.fieldErrors?.warningYellow).toEqual([
      "msg:validation.warningYellowAboveRed",
    ]);
    const suggestions = await submit(admin, { ...form, suggestionFail: "20" });
    expect(!suggestions.ok && suggestions.fieldErrors?.suggestions).toEqual([
      "msg:validation.suggestionOrder",
    ]);
  });

  it("refuses values outside 0–100, non-integers and amounts with three decimals", async () => {
    const admin = await signedIn("finance_admin");
    const form = await formFor(YEAR);
    const result = await submit(admin, {
      ...form,
      gradeExcellent: "101",
      warningRed: "-1",
      indicatorDeviation: "12.5",
      preAssessmentThreshold: "100.123",
      passwordMaxAgeDays: "",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(
      [
        "gradeExcellent",
        "indicatorDeviation",
        "passwordMaxAgeDays",
        "preAssessmentThreshold",
        "warningRed",
      ].sort(),
    );
    expect(result.fieldErrors?.preAssessmentThreshold).toEqual(["msg:validation.amount"]);
    expect(result.fieldErrors?.passwordMaxAgeDays).toEqual(["msg:validation.required"]);
    const [row] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, YEAR));
    expect(row!.version).toBe(Number(form.version));
  });
});

describe("year settings: saving", () => {
  it("saves, bumps the version and audits the change as a diff", async () => {
    const admin = await signedIn("finance_admin");
    const form = await formFor(YEAR);
    const result = await submit(admin, {
      ...form,
      preAssessmentThreshold: "5,000,000",
      weightOutput: "45",
      weightBenefit: "35",
    });
    expect(result).toEqual({ ok: true, data: { year: YEAR, version: Number(form.version) + 1 } });
    const [row] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, YEAR));
    expect(row).toMatchObject({ preAssessmentThreshold: "5000000.00", weightOutput: 45, weightBenefit: 35 });

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "year.settingsUpdated"), eq(auditLog.entityId, String(YEAR))))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit).toMatchObject({
      actorUsername: "finance_admin",
      actorRole: "FINANCE_ADMIN",
      ip: meta.ip,
      result: "SUCCESS",
    });
    expect(audit!.changes).toEqual({
      preAssessmentThreshold: [form.preAssessmentThreshold, "5000000.00"],
      weightOutput: [Number(form.weightOutput), 45],
      weightBenefit: [Number(form.weightBenefit), 35],
      version: [Number(form.version), Number(form.version) + 1],
    });
  });

  it("answers CONFLICT to a stale version and keeps the newer save", async () => {
    const admin = await signedIn("finance_admin");
    const form = await formFor(YEAR);
    const first = await submit(admin, { ...form, indicatorDeviation: "25" });
    expect(first.ok).toBe(true);
    const second = await submit(admin, { ...form, indicatorDeviation: "30" });
    expect(second).toMatchObject({ ok: false, code: "CONFLICT", message: "msg:errors.CONFLICT" });
    const [row] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, YEAR));
    expect(row!.indicatorDeviation).toBe(25);
  });

  it("refuses every role but the performance administrator, in the action and in the service", async () => {
    const form = await formFor(YEAR);
    const others = [
      "finance_reviewer",
      "expert",
      "dept_filer",
      "dept_approver",
      "dept_filer2",
      "agency",
      "leader",
      "sysadmin",
      "auditor",
    ];
    for (const username of others) {
      const user = await signedIn(username);
      const result = await submit(user, { ...form, warningRed: "55" });
      expect(result, username).toMatchObject({ ok: false, code: "FORBIDDEN" });
      const parsed = updateYearSettingsDef.schema.parse(form);
      const error = await updateYearSettings(parsed, { db, user }).catch((e: unknown) => e);
      expect(isAppError(error) && error.code, username).toBe("FORBIDDEN");
    }
    const [row] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, YEAR));
    expect(row!.warningRed).toBe(Number(form.warningRed));
    const denied = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "access.denied"), eq(auditLog.actorUsername, "leader")));
    expect(denied.some((r) => (r.changes as { action?: string }).action === "updateYearSettings")).toBe(true);
  });
});
