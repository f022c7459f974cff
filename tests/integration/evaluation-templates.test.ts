import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { runSaveTemplate, saveTemplateDefinition } from "@/features/evaluation-templates/definitions";
import { copyTemplatesToYear } from "@/features/evaluation-templates/service";
import { listTemplates } from "@/features/evaluation-templates/queries";
import { createNextYear } from "@/features/years/service";
import { db } from "@/server/db";
import { evaluationTemplateItems, evaluationTemplates, fiscalYears } from "@/server/schema";
import { templateSeedId } from "@/server/seed/evaluation-templates";
import type { CurrentUser } from "@/server/session";
import { caller } from "../factories/actions";
import { failure } from "../factories/messages";
import { signedIn } from "../factories/users";

/** The rows of a raw query, whichever driver runs it. */
const rowsOf = (result: unknown) => (result as { rows: unknown[] }).rows;
const save = caller(saveTemplateDefinition, runSaveTemplate);

let admin: CurrentUser;
let reviewer: CurrentUser;
// Only this file touches the 2022 政府债务 template; it is put back as it was at the end.
const templateId = templateSeedId(2022, "PROJECT_GOV_DEBT");

async function current() {
  const [tpl] = await db.select().from(evaluationTemplates).where(eq(evaluationTemplates.id, templateId));
  const items = await db
    .select()
    .from(evaluationTemplateItems)
    .where(eq(evaluationTemplateItems.templateId, templateId))
    .orderBy(asc(evaluationTemplateItems.sortOrder));
  return { version: tpl!.version, items };
}
type Item = Awaited<ReturnType<typeof current>>["items"][number];
/** The editor's post: parallel lists in order. */
const post = (
  version: number,
  items: Pick<Item, "level1" | "level2" | "name" | "maxPoints" | "guide">[],
) => ({
  templateId,
  version: String(version),
  level1: items.map((i) => i.level1),
  level2: items.map((i) => i.level2),
  name: items.map((i) => i.name),
  maxPoints: items.map((i) => i.maxPoints),
  guide: items.map((i) => i.guide),
});

beforeAll(async () => {
  [admin, reviewer] = await Promise.all([signedIn("finance_admin"), signedIn("finance_reviewer")]);
});

describe("editing a year's template", () => {
  it("lists each template of the year with its subtotals and 产出+效益 share", async () => {
    const rows = await listTemplates(2022);
    expect(rows).toHaveLength(8);
    for (const r of rows) expect(r.total).toBe(10_000);
    const general = rows.find((r) => r.code === "PROJECT_GENERAL")!;
    expect(general.share).toBeGreaterThanOrEqual(6_000);
    expect((general.byDimension.OUTPUT ?? 0) + (general.byDimension.EFFECT ?? 0)).toBe(general.share);
  });

  it("refuses a save that leaves 产出+效益 under 60%, saving nothing", async () => {
    const before = await current();
    // Move points from 产出/效益 lines to the first 决策 line until they carry 59%: still 100 in all.
    const items = before.items.map((i) => ({ ...i }));
    const shareBefore = (await listTemplates(2022)).find((r) => r.id === templateId)!.share;
    let left = shareBefore - 5_900;
    for (const i of items.filter((x) => x.level1 === "OUTPUT" || x.level1 === "EFFECT")) {
      const take = Math.min(Math.round(Number(i.maxPoints) * 100) - 100, left);
      i.maxPoints = ((Math.round(Number(i.maxPoints) * 100) - take) / 100).toFixed(2);
      left -= take;
    }
    expect(left).toBe(0);
    const dec = items.find((i) => i.level1 === "DECISION")!;
    dec.maxPoints = ((Math.round(Number(dec.maxPoints) * 100) + shareBefore - 5_900) / 100).toFixed(2);
    const r = failure(await save(admin, post(before.version, items)));
    expect(r.code).toBe("VALIDATION");
    expect(r.fieldErrors!.share).toEqual(["t:errors.evaluationTemplates.shareTooLow"]);
    expect(r.fieldErrors!.total).toBeUndefined();
    const after = await current();
    expect(after.version).toBe(before.version);
    expect(after.items.map((i) => i.maxPoints)).toEqual(before.items.map((i) => i.maxPoints));
  });

  it("refuses a total other than 100 and marks a bad line under its own field", async () => {
    const { version, items } = await current();
    const changed = items.map((i, k) => ({
      ...i,
      maxPoints: k === 0 ? "0" : i.maxPoints,
      level1: k === 1 ? "SATISFACTION" : i.level1,
    }));
    const r = failure(await save(admin, post(version, changed)));
    expect(r.fieldErrors!["lines.0.maxPoints"]).toEqual(["t:errors.evaluationTemplates.badPoints"]);
    expect(r.fieldErrors!["lines.1.level1"]).toEqual(["t:errors.evaluationTemplates.badDimension"]);
    expect(r.fieldErrors!.total).toEqual(["t:errors.evaluationTemplates.totalNot100"]);
    const blank = failure(
      await save(
        admin,
        post(
          version,
          items.map((i, k) => ({ ...i, name: k === 2 ? " " : i.name })),
        ),
      ),
    );
    expect(blank.fieldErrors!["lines.2.name"]).toEqual(["t:validation.required"]);
  });

  it("saves a valid edit as a whole at the loaded version, and refuses a stale one", async () => {
    const before = await current();
    expect(failure(await save(reviewer, post(before.version, before.items))).code).toBe("FORBIDDEN");
    // Reorder: the last line first, and split the first 决策 line's points with a new line.
    const items = [before.items.at(-1)!, ...before.items.slice(0, -1)].map((i) => ({ ...i }));
    const dec = items.find((i) => i.level1 === "DECISION")!;
    const half = (Number(dec.maxPoints) / 2).toFixed(2);
    const rest = (Number(dec.maxPoints) - Number(half)).toFixed(2);
    dec.maxPoints = half;
    items.push({
      ...dec,
      level2: "项目立项",
      name: "新增：风险评估充分性",
      maxPoints: rest,
      guide: "开展风险评估并有应对措施",
    });
    const saved = await save(admin, post(before.version, items));
    expect(saved.ok).toBe(true);
    const after = await current();
    expect(after.version).toBe(before.version + 1);
    expect(after.items.map((i) => i.name)).toEqual(items.map((i) => i.name));
    expect(failure(await save(admin, post(before.version, before.items))).code).toBe("CONFLICT");
    // Put it back for anyone reading the seeded template.
    expect((await save(admin, post(after.version, before.items))).ok).toBe(true);
    const audit = rowsOf(
      await db.execute(
        sql`select count(*)::int as n from audit_log where action = 'evaluationTemplate.saved' and entity_id = ${templateId}`,
      ),
    ) as { n: number }[];
    expect(audit[0]!.n).toBe(2);
  });
});

class Rollback extends Error {}

describe("a new year", () => {
  it("starts with a copy of the previous year's templates, line for line", async () => {
    await db
      .transaction(async (tx) => {
        await tx.insert(fiscalYears).values({ year: 2099 });
        const codes = await copyTemplatesToYear(tx, 2022, 2099, admin.id);
        expect(codes).toHaveLength(8);
        const lines = async (year: number) =>
          rowsOf(
            await tx.execute(sql`select t.code, i.level1, i.level2, i.name, i.max_points, i.guide, i.sort_order
              from evaluation_template_items i join evaluation_templates t on t.id = i.template_id
              where t.year = ${year} order by t.code, i.sort_order`),
          );
        expect(await lines(2099)).toEqual(await lines(2022));
        // A second copy changes nothing.
        expect(await copyTemplatesToYear(tx, 2022, 2099, admin.id)).toEqual([]);
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
  });

  it("is created by finance after the last year, with its rules and templates copied", async () => {
    await db
      .transaction(async (tx) => {
        await expect(createNextYear(2030, { db: tx, user: admin })).rejects.toMatchObject({
          code: "CONFLICT",
        });
        const made = await createNextYear(2023, { db: tx, user: admin });
        expect(made).toEqual({ year: 2023, templates: 8 });
        const [y] = await tx.select().from(fiscalYears).where(eq(fiscalYears.year, 2023));
        const [prev] = await tx.select().from(fiscalYears).where(eq(fiscalYears.year, 2022));
        expect(y!.gradeExcellent).toBe(prev!.gradeExcellent);
        expect(y!.preAssessmentThreshold).toBe(prev!.preAssessmentThreshold);
        const n = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(evaluationTemplates)
          .where(eq(evaluationTemplates.year, 2023));
        expect(n[0]!.n).toBe(8);
        await expect(createNextYear(2024, { db: tx, user: reviewer })).rejects.toMatchObject({
          code: "FORBIDDEN",
        });
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
    const [gone] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, 2023));
    expect(gone).toBeUndefined();
  });
});
