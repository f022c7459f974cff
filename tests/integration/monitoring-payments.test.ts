import ExcelJS from "exceljs";
import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  importPaymentsDefinition,
  openRoundDefinition,
  runImportPayments,
  runOpenRound,
  runSaveReport,
  saveReportDefinition,
} from "@/features/monitoring/definitions";
import { getReportView } from "@/features/monitoring/report-queries";
import { runAction } from "@/server/action-client";
import { db } from "@/server/db";
import { auditLog, monitoringReports, paymentImports, projects, treasuryPayments } from "@/server/schema";
import type { CurrentUser } from "@/server/session";
import { orgIds } from "@/server/seed/seed";
import { catalogTranslator, failure, uniqueName } from "../factories/messages";
import { signedIn } from "../factories/users";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
let t: (key: string) => string;
let admin: CurrentUser, filer: CurrentUser;
let codes: string[];

beforeAll(async () => {
  t = await catalogTranslator();
  [admin, filer] = await Promise.all(["finance_admin", "dept_filer"].map(signedIn));
  // 2021 projects of the demo filer's unit: no payments seeded for 2021.
  const rows = await db
    .select({ code: projects.code })
    .from(projects)
    .where(and(eq(projects.year, 2021), eq(projects.unitId, orgIds.unit("D03", 1))))
    .orderBy(asc(projects.code));
  codes = rows.map((r) => r.code);
  expect(codes.length).toBeGreaterThanOrEqual(2);
});

const run = (user: CurrentUser, raw: Record<string, unknown>) =>
  runAction(importPaymentsDefinition, runImportPayments, { user, raw, meta, t });

const csv = (lines: string[]) =>
  new File([`\uFEFF项目编码,支付日期,支付金额,资金来源\n${lines.join("\n")}\n`], "payments.csv");

async function xlsx(rows: (string | number | Date)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("支付明细");
  ws.addRow(["项目编码", "支付日期", "支付金额", "资金来源"]);
  rows.forEach((r) => ws.addRow(r));
  return new File([new Uint8Array(await wb.xlsx.writeBuffer())], "payments.xlsx");
}

const paymentCount = async () => (await db.select({ n: count() }).from(treasuryPayments))[0]!.n;

describe("treasury payment import", () => {
  it("is finance's alone", async () => {
    const file = csv([`${codes[0]},2021-03-01,100.00,本年财政拨款`]);
    expect(failure(await run(filer, { year: "2021", file })).code).toBe("FORBIDDEN");
  });

  it("saves nothing when any row is wrong, and names every bad row", async () => {
    const before = await paymentCount();
    const file = csv([
      `${codes[0]},2021-03-01,1200.50,本年财政拨款`,
      `NOPE-001,2021-03-02,100,本年财政拨款`,
      `${codes[1]},2020-12-31,100,上年结转`,
      `${codes[1]},2021-02-30,-5,拨款`,
    ]);
    const refused = failure(await run(admin, { year: "2021", intent: "import", file }));
    expect(refused.code).toBe("VALIDATION");
    expect(refused.message).toBe("t:errors.monitoring.import.hasErrors");
    expect(refused.fieldErrors).toEqual({
      "row.3": ["t:errors.monitoring.import.codeUnknown"],
      "row.4": ["t:errors.monitoring.import.dateOutsideYear"],
      "row.5": [
        "t:errors.monitoring.import.dateInvalid",
        "t:errors.monitoring.import.amountInvalid",
        "t:errors.monitoring.import.sourceInvalid",
      ],
    });
    expect(await paymentCount()).toBe(before);
  });

  it("refuses a file without the required columns", async () => {
    const file = new File(["编码,金额\nA,1\n"], "bad.csv");
    expect(failure(await run(admin, { year: "2021", file })).fieldErrors?.file).toEqual([
      "t:errors.monitoring.import.unreadable",
    ]);
    const wrongType = failure(await run(admin, { year: "2021", file: new File(["x"], "a.pdf") }));
    expect(wrongType.fieldErrors?.file).toEqual(["t:validation.fileType"]);
  });

  it("previews without saving, then imports every row of an .xlsx and audits it", async () => {
    const before = await paymentCount();
    const rows = [
      [codes[0]!, new Date(Date.UTC(2021, 2, 15)), 300000, "本年财政拨款"],
      [codes[0]!, "2021/5/20", "150,000.25", "上年结转"],
      [codes[1]!, "2021-06-30", 80000.5, "其他资金"],
    ];
    const preview = await run(admin, { year: "2021", intent: "preview", file: await xlsx(rows) });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.data).toMatchObject({ count: 3, projects: 2, total: "530000.75", importId: null });
    expect(preview.data.preview[1]).toMatchObject({
      paidOn: "2021-05-20",
      amount: "150000.25",
      source: "CARRYOVER",
    });
    expect(await paymentCount()).toBe(before);

    const imported = await run(admin, { year: "2021", intent: "import", file: await xlsx(rows) });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(await paymentCount()).toBe(before + 3);
    const [batch] = await db
      .select()
      .from(paymentImports)
      .where(eq(paymentImports.id, imported.data.importId!));
    expect(batch).toMatchObject({ rowCount: 3, total: "530000.75", year: 2021 });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, imported.data.importId!));
    expect(entry).toMatchObject({ action: "payments.imported", actorUsername: "finance_admin" });

    // The same payments again, in rows of another order, would count twice: refused on the file.
    const again = await run(admin, { year: "2021", intent: "import", file: await xlsx([...rows].reverse()) });
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.fieldErrors?.file).toEqual(["t:errors.monitoring.import.duplicate"]);
    expect(await paymentCount()).toBe(before + 3);
  });

  it("pre-fills the unit's report and asks for a reason when its figure differs", async () => {
    const opened = await runAction(openRoundDefinition, runOpenRound, {
      user: admin,
      raw: {
        year: "2021",
        name: uniqueName("2021年1–6月"),
        periodMonths: "6",
        dueDate: "2021-07-31",
        scopeRule: "DEPARTMENTS",
        departmentIds: [orgIds.department("D03")],
      },
      meta,
      t,
    });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const [project] = await db
      .select()
      .from(projects)
      .where(and(eq(projects.year, 2021), eq(projects.code, codes[0]!)));
    const [report] = await db
      .select()
      .from(monitoringReports)
      .where(
        and(eq(monitoringReports.roundId, opened.data.id), eq(monitoringReports.projectId, project!.id)),
      );
    const view = (await getReportView(filer, report!.id))!;
    // Paid up to 30 June: the March and May payments.
    expect(view.paid).toEqual({ CURRENT: "300000.00", CARRYOVER: "150000.25", OTHER: "0.00" });

    const form = {
      reportId: report!.id,
      version: "1",
      intent: "save",
      executedCurrent: "320000",
      executedCarryover: "150000.25",
      executedOther: "0",
      progress: "{}",
    };
    const save = (raw: Record<string, unknown>) =>
      runAction(saveReportDefinition, runSaveReport, { user: filer, raw, meta, t });
    expect(failure(await save(form)).fieldErrors?.executedReason).toEqual([
      "t:errors.monitoring.reasonRequired",
    ]);
    expect((await save({ ...form, executedReason: "含已报账未支付款项 2 万元" })).ok).toBe(true);
    expect((await save({ ...form, version: "2", executedCurrent: "300000.00" })).ok).toBe(true);
  });
});
