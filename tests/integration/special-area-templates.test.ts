import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { gradeOf, hundredthsToText, toHundredths, totalScore } from "@/domain/evaluation";
import { projectTemplateCode } from "@/domain/evaluation-templates";
import { createKeyDefinition, runCreateKey } from "@/features/key-evaluation/definitions";
import { engageAgencyDefinition, runEngageAgency } from "@/features/third-party/definitions";
import { runAction } from "@/server/action-client";
import { db, queryRows } from "@/server/db";
import {
  evaluations,
  evaluationScores,
  evaluationTemplateItems,
  evaluationTemplates,
  projects,
} from "@/server/schema";
import type { SpecialArea } from "@/server/schema/enums";
import { orgIds } from "@/server/seed/seed";
import type { CurrentUser } from "@/server/session";
import { catalogTranslator } from "../factories/messages";
import { withOwnSeededDatabase } from "../factories/own-database";
import { signedIn } from "../factories/users";

// Special areas (SPEC §6): a project tagged 政府投资基金, PPP, 政府采购, 政府购买服务 or 政府债务 is
// evaluated with its own area's template of the year, by a key evaluation and by a third party alike.
// It opens evaluations of its own: on the server, in a database of its own.
withOwnSeededDatabase();

const AREAS = [
  "GOV_INVESTMENT_FUND",
  "PPP",
  "GOV_PROCUREMENT",
  "GOV_PURCHASED_SERVICE",
  "GOV_DEBT",
] as const satisfies readonly SpecialArea[];

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
let t: (key: string) => string;
let admin: CurrentUser;
let lead: CurrentUser;

type Ok<T> = { ok: true; data: T };
const expectOk = <T>(r: unknown): T => {
  expect(r).toMatchObject({ ok: true });
  return (r as Ok<T>).data;
};

/** A project of the year and area with no evaluation of the type yet. */
async function projectOf(year: number, area: SpecialArea, type: "KEY" | "THIRD_PARTY") {
  const [p] = await db
    .select({ id: projects.id, departmentId: projects.departmentId })
    .from(projects)
    .where(
      and(
        eq(projects.year, year),
        eq(projects.specialArea, area),
        sql`${projects.departmentId} <> ${orgIds.department("D01")}`,
        sql`not exists (select 1 from evaluations e where e.project_id = ${projects.id} and e.type = ${type})`,
      ),
    )
    .orderBy(asc(projects.code))
    .limit(1);
  if (!p) throw new Error(`the demo data holds ${year} projects of ${area}`);
  return p;
}

/** The evaluation's sheet and the template it names, line by line. */
async function sheetAndTemplate(evaluationId: string) {
  const [ev] = await db
    .select({ templateId: evaluations.templateId, year: evaluations.year })
    .from(evaluations)
    .where(eq(evaluations.id, evaluationId));
  const [template] = await db
    .select({ code: evaluationTemplates.code, year: evaluationTemplates.year })
    .from(evaluationTemplates)
    .where(eq(evaluationTemplates.id, ev!.templateId!));
  const sheet = await db
    .select({
      level1: evaluationScores.level1,
      name: evaluationScores.name,
      maxPoints: evaluationScores.maxPoints,
    })
    .from(evaluationScores)
    .where(eq(evaluationScores.evaluationId, evaluationId))
    .orderBy(asc(evaluationScores.sortOrder));
  const items = await db
    .select({
      level1: evaluationTemplateItems.level1,
      name: evaluationTemplateItems.name,
      maxPoints: evaluationTemplateItems.maxPoints,
    })
    .from(evaluationTemplateItems)
    .where(eq(evaluationTemplateItems.templateId, ev!.templateId!))
    .orderBy(asc(evaluationTemplateItems.sortOrder));
  return { evaluationYear: ev!.year, template: template!, sheet, items };
}

beforeAll(async () => {
  t = await catalogTranslator();
  [admin, lead] = await Promise.all([signedIn("finance_admin"), signedIn("finance_reviewer")]);
});

describe("special-area templates", () => {
  it("the year starts with one template per special area, each different from the general one", async () => {
    const rows = await queryRows<{ code: string; lines: number; names: string }>(
      db,
      sql`select t.code::text as code, count(i.id)::int as lines,
            string_agg(i.name, '|' order by i.sort_order) as names
          from evaluation_templates t join evaluation_template_items i on i.template_id = t.id
          where t.year = 2021 and t.code::text like 'PROJECT_%' group by t.code`,
    );
    const general = rows.find((r) => r.code === "PROJECT_GENERAL")!;
    for (const area of AREAS) {
      const row = rows.find((r) => r.code === projectTemplateCode(area));
      expect(row, area).toBeDefined();
      expect(row!.lines, area).toBeGreaterThan(0);
      expect(row!.names, area).not.toBe(general.names);
    }
  });

  it("the seeded key and third-party evaluations each carry their project's area template of their year", async () => {
    const rows = await queryRows<{ type: string; area: string; code: string; same_year: boolean }>(
      db,
      sql`select e.type::text as type, p.special_area::text as area, t.code::text as code,
            t.year = e.year as same_year
          from evaluations e join projects p on p.id = e.project_id
          join evaluation_templates t on t.id = e.template_id
          where e.type in ('KEY', 'THIRD_PARTY')`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(27);
    for (const r of rows) {
      expect(r.code, `${r.type} of a ${r.area} project`).toBe(`PROJECT_${r.area}`);
      expect(r.same_year).toBe(true);
    }
    // The demo's 2020 work used special-area templates, not only the general one.
    expect(new Set(rows.map((r) => r.area)).size).toBeGreaterThan(2);
  });

  it.each(AREAS)("a key evaluation of a %s project is scored on that area's template", async (area) => {
    const p = await projectOf(2021, area, "KEY");
    const created = expectOk<{ ids: string[] }>(
      await runAction(createKeyDefinition, runCreateKey, {
        user: admin,
        raw: {
          year: "2021",
          projectIds: [p.id],
          reviewerIds: [lead.id],
          leadId: lead.id,
          dueDate: "2022-09-30",
        },
        meta,
        t,
      }),
    );
    const { evaluationYear, template, sheet, items } = await sheetAndTemplate(created.ids[0]!);
    expect(template).toEqual({ code: projectTemplateCode(area), year: evaluationYear });
    expect(sheet).toEqual(items);
    // Full marks on that sheet are 100 and 优; its own 产出 and 效益 lines carry at least 60 of them.
    const full = totalScore(
      sheet.map((l) => ({ maxPoints: l.maxPoints, points: l.maxPoints })),
      0,
    );
    expect(hundredthsToText(full)).toBe("100.00");
    expect(gradeOf(full)).toBe("EXCELLENT");
    const outputEffect = sheet
      .filter((l) => l.level1 === "OUTPUT" || l.level1 === "EFFECT")
      .reduce((s, l) => s + toHundredths(l.maxPoints)!, 0);
    expect(outputEffect).toBeGreaterThanOrEqual(6000);
  });

  it.each(AREAS)("a third-party engagement for a %s project copies that area's template", async (area) => {
    const p = await projectOf(2022, area, "THIRD_PARTY");
    const engaged = expectOk<{ evaluationId: string }>(
      await runAction(engageAgencyDefinition, runEngageAgency, {
        user: admin,
        raw: {
          target: "PROJECT",
          projectId: p.id,
          agencyId: orgIds.agency("AG02"),
          fee: "6",
          deadline: "2030-06-30",
          scope: "按专项领域指标体系开展评价",
        },
        meta,
        t,
      }),
    );
    const { template, sheet, items } = await sheetAndTemplate(engaged.evaluationId);
    expect(template).toEqual({ code: projectTemplateCode(area), year: 2022 });
    expect(sheet).toEqual(items);
  });
});
