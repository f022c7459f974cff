import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readIndicatorFileDefinition, runReadIndicatorFile } from "@/features/targets/definitions";
import { runAction } from "@/server/action-client";
import { db, queryRows } from "@/server/db";
import type { CurrentUser } from "@/server/session";
import { catalogTranslator, failure } from "../factories/messages";
import { signedIn } from "../factories/users";

// 从模板导入指标: the rows of a filled template for one of the filer's own sheets, or every bad row by
// line; nothing is written either way (the editor saves the sheet afterwards).

const meta = { ip: "10.8.0.2", userAgent: "vitest" };
const HEADERS = ["一级指标", "二级指标", "三级指标", "符号", "指标值", "计量单位", "分值"];

async function xlsx(rows: (string | number | null)[][]): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标");
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return new File([new Uint8Array(await wb.xlsx.writeBuffer())], "indicators.xlsx");
}

async function read(user: CurrentUser, projectId: string, file: File) {
  return runAction(readIndicatorFileDefinition, runReadIndicatorFile, {
    user,
    raw: { projectId, file },
    meta,
    t: await catalogTranslator(),
  });
}

const projectOf = async (unitId: string) => {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from projects where unit_id = ${unitId} and year = 2022 order by code limit 1`,
  );
  return row!.id;
};

const GOOD: (string | number | null)[][] = [
  ["产出指标", "数量指标", "举办科普讲座场次", "≥", 12, "场", 20],
  ["产出", "时效指标", "年底前完成", "定性", "按期完成", "", 10],
  ["效益指标", "社会效益指标", "受益群众人数", ">=", "5,000", "人次", "30"],
  ["满意度指标", "服务对象满意度指标", "参与群众满意度", "≥", 90, "%", 10],
];

describe("importing a target sheet's indicators", () => {
  it("reads every row of a good file into the editor's rows, saving nothing", async () => {
    const filer = await signedIn("dept_filer");
    const projectId = await projectOf(filer.orgId!);
    const [before] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from target_indicators`,
    );
    const result = await read(filer, projectId, await xlsx(GOOD));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.rows).toHaveLength(4);
    expect(result.data.rows[0]).toMatchObject({
      level1: "OUTPUT",
      level2: "QUANTITY",
      operator: "GTE",
      targetValue: "12",
      unit: "场",
      points: "20",
    });
    expect(result.data.rows[1]).toMatchObject({
      level1: "OUTPUT",
      level2: "TIMELINESS",
      operator: "QUALITATIVE",
    });
    expect(result.data.rows[2]).toMatchObject({ level1: "BENEFIT", operator: "GTE", targetValue: "5,000" });
    const [after] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from target_indicators`);
    expect(after!.n).toBe(before!.n);
  });

  it("returns no row when one is wrong, naming the line and the cell", async () => {
    const filer = await signedIn("dept_filer");
    const projectId = await projectOf(filer.orgId!);
    const result = failure(
      await read(
        filer,
        projectId,
        await xlsx([...GOOD.slice(0, 2), ["产出指标", "社会效益指标", "错放的指标", "约", 1, "个", "十"]]),
      ),
    );
    expect(result.message).toBe("t:errors.indicatorImport.hasErrors");
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(["row.4"]);
    // Level 2 not under its level 1, an unknown operator, points not a number.
    expect(result.fieldErrors!["row.4"]).toHaveLength(3);
  });

  it("answers not found for another unit's project", async () => {
    const [filer, filer2] = await Promise.all([signedIn("dept_filer"), signedIn("dept_filer2")]);
    const result = failure(await read(filer, await projectOf(filer2.orgId!), await xlsx(GOOD)));
    expect(result.code).toBe("NOT_FOUND");
  });
});
