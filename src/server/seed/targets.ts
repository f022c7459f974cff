import type { Tx } from "../db";
import { libraryIndicators, targetIndicators, targetSheets, targetSheetTransitions } from "../schema";
import { directionOf, LEVEL2, level1Of, type Level1, type Level2 } from "../../features/targets/levels";
import type { DepartmentSeed } from "./organisations-data";
import { libraryEntries, type LibrarySeed } from "./indicator-library-data";
import type { ProjectSeed } from "./projects-data";
import { createRandom, seedId, type Random } from "./random";

// 绩效目标 demo data: the indicator library, an APPROVED version-1 sheet for every 2020 project (the
// self-evaluation scores against them), and a few 2022 sheets in flight for the demo accounts.

type Ids = { department: (code: string) => string; unit: (code: string, index: number) => string };
type SheetRow = typeof targetSheets.$inferInsert;
type IndicatorRow = typeof targetIndicators.$inferInsert;
type TransitionRow = typeof targetSheetTransitions.$inferInsert;

const WEIGHTS: Record<Level1, number> = { OUTPUT: 50, BENEFIT: 30, SATISFACTION: 10 };
const DESCRIPTION: Record<string, string> = {
  QUANTITY: "按年度内实际完成的数量统计，以台账、验收资料为准",
  QUALITY: "按达到质量标准的比例或程度评价，以验收、检查结果为准",
  TIMELINESS: "按计划时间节点完成情况评价",
  COST: "按实际成本与预算标准对比评价",
  ECONOMIC: "项目实施带来的直接或间接经济效益",
  SOCIAL: "项目实施对社会发展、民生改善产生的影响",
  ECOLOGICAL: "项目实施对生态环境产生的影响",
  SUSTAINABLE: "项目效果持续发挥作用的情况",
  SERVICE_SATISFACTION: "通过问卷调查等方式测评，样本量不少于服务对象的5%",
};

export const libraryId = (e: { sector: string; name: string }) => seedId(`lib:${e.sector}:${e.name}`);
export const sheetSeedId = (projectId: string, versionNo: number) =>
  seedId(`target:${projectId}:${versionNo}`);

function libraryRows(entries: LibrarySeed[]) {
  return entries.map((e) => ({
    id: libraryId(e),
    sector: e.sector,
    level1: level1Of(e.level2 as Level2),
    level2: e.level2 as Level2,
    name: e.name,
    operator: e.operator,
    unit: e.unit,
    targetHint: e.hint,
    description: DESCRIPTION[e.level2] ?? "",
  }));
}

/** A realistic target near the library's hint: rates stay as they are, counts scale with the project. */
function targetFor(e: LibrarySeed, r: Random): string {
  if (e.operator === "QUALITATIVE" || ["%", "‰"].includes(e.unit)) return e.hint;
  const base = Number(e.hint);
  if (!Number.isFinite(base)) return e.hint;
  const v = base * (0.6 + r.next() * 1.2);
  if (base < 10) return e.hint.includes(".") ? v.toFixed(1) : String(Math.max(1, Math.round(v)));
  return String(v >= 1000 ? Math.round(v / 100) * 100 : Math.round(v));
}

function splitPoints(total: number, n: number): string[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => String(base + (i < total - base * n ? 1 : 0)));
}

function pickIndicators(sector: string, byKey: Map<string, LibrarySeed[]>, r: Random): LibrarySeed[] {
  const chosen: LibrarySeed[] = [];
  const take = (level2: string) => {
    const own = (byKey.get(`${sector}:${level2}`) ?? []).filter((e) => !chosen.includes(e));
    const general = (byKey.get(`general:${level2}`) ?? []).filter(
      (e) => !chosen.some((c) => c.name === e.name),
    );
    const pool = own.length && (r.chance(0.75) || !general.length) ? own : general;
    if (pool.length) chosen.push(r.pick(pool));
  };
  const benefitKinds = ["SOCIAL", "ECONOMIC", "ECOLOGICAL", "SUSTAINABLE"];
  ["QUANTITY", "QUANTITY", "QUALITY", "TIMELINESS"].forEach(take);
  if (r.chance(0.6)) take("QUANTITY");
  if (r.chance(0.5)) take("COST");
  take("SOCIAL");
  take(r.pick(benefitKinds));
  if (r.chance(0.5)) take(r.pick(benefitKinds));
  take("SERVICE_SATISFACTION");
  return chosen;
}

function sheetFor(project: ProjectSeed, sector: string, byKey: Map<string, LibrarySeed[]>, r: Random) {
  const sheetId = sheetSeedId(project.id, 1);
  const picked = pickIndicators(sector, byKey, r);
  const rows: IndicatorRow[] = [];
  for (const level1 of ["OUTPUT", "BENEFIT", "SATISFACTION"] as Level1[]) {
    const items = picked
      .filter((e) => level1Of(e.level2 as Level2) === level1)
      .sort((a, b) => LEVEL2.indexOf(a.level2 as Level2) - LEVEL2.indexOf(b.level2 as Level2));
    const points = splitPoints(WEIGHTS[level1], items.length);
    items.forEach((e, i) =>
      rows.push({
        id: seedId(`target:${project.id}:1:${rows.length}`),
        sheetId,
        level1,
        level2: e.level2 as Level2,
        name: e.name,
        operator: e.operator,
        targetValue: targetFor(e, r),
        unit: e.unit,
        points: points[i]!,
        direction: directionOf(e.operator),
        sortOrder: rows.length,
        libraryIndicatorId: libraryId(e),
      }),
    );
  }
  const first = rows[0]!;
  const satisfaction = rows.find((x) => x.level1 === "SATISFACTION");
  const base = project.name.replace(/^\d{4}年/, "").replace(/（.）$/, "");
  const overallGoal = `按期完成${base}年度任务，${first.name}达到${first.targetValue}${first.unit}，${
    satisfaction
      ? `${satisfaction.name}不低于${satisfaction.targetValue}${satisfaction.unit}`
      : "取得预期成效"
  }。`;
  return { sheetId, rows, overallGoal };
}

async function insertInChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seedTargets(
  tx: Tx,
  options: {
    projects: ProjectSeed[];
    departments: DepartmentSeed[];
    ids: Ids;
    financeAdminId: string;
    filerId: string;
    /** Who files for a unit (the 2020 sheets' submissions). */
    filerOf?: (unitId: string) => string;
  },
) {
  const entries = libraryEntries();
  const byKey = new Map<string, LibrarySeed[]>();
  for (const e of entries)
    byKey.set(`${e.sector}:${e.level2}`, [...(byKey.get(`${e.sector}:${e.level2}`) ?? []), e]);
  const sectorOf = new Map(options.departments.map((d) => [options.ids.department(d.code), d.sector]));

  const sheets: SheetRow[] = [];
  const indicators: IndicatorRow[] = [];
  const transitions: TransitionRow[] = [];
  const approvedAt = new Date("2020-02-28T08:00:00Z");
  const r = createRandom(2020_0405);
  for (const p of options.projects.filter((x) => x.year === 2020)) {
    const s = sheetFor(p, sectorOf.get(p.departmentId) ?? "general", byKey, r);
    // A few sheets were sent back once for vague targets, a few were filed after the 31 March due
    // date (chosen from the project id, so the random draws of the sheets stay as they were).
    const pick = parseInt(p.id.slice(0, 4), 16) % 25;
    const returned = pick === 0 || pick === 1;
    const late = pick === 2;
    const submittedAt = late ? new Date("2020-04-09T02:00:00Z") : new Date("2020-02-14T02:00:00Z");
    const approved = late ? new Date("2020-04-20T08:00:00Z") : approvedAt;
    sheets.push({
      id: s.sheetId,
      projectId: p.id,
      year: 2020,
      versionNo: 1,
      status: "APPROVED",
      overallGoal: s.overallGoal,
      submittedAt: returned || late ? submittedAt : approvedAt,
      approvedAt: approved,
    });
    indicators.push(...s.rows);
    if (returned || late)
      transitions.push({
        id: seedId(`target:${p.id}:1:submitted`),
        sheetId: s.sheetId,
        fromStatus: "DRAFT",
        toStatus: "SUBMITTED",
        actorId: options.filerOf?.(p.unitId) ?? null,
        createdAt: submittedAt,
      });
    if (returned)
      transitions.push(
        {
          id: seedId(`target:${p.id}:1:returned`),
          sheetId: s.sheetId,
          fromStatus: "SUBMITTED",
          toStatus: "RETURNED",
          actorId: options.financeAdminId,
          comment: "部分效益指标表述笼统，未设置可衡量的目标值，请细化量化后重新报送。",
          createdAt: new Date("2020-02-18T02:00:00Z"),
        },
        {
          id: seedId(`target:${p.id}:1:resubmitted`),
          sheetId: s.sheetId,
          fromStatus: "RETURNED",
          toStatus: "SUBMITTED",
          actorId: options.filerOf?.(p.unitId) ?? null,
          createdAt: new Date("2020-02-24T02:00:00Z"),
        },
      );
    transitions.push({
      id: seedId(`target:${p.id}:1:approved`),
      sheetId: s.sheetId,
      fromStatus: "DEPT_APPROVED",
      toStatus: "APPROVED",
      actorId: options.financeAdminId,
      comment: "同意",
      createdAt: approved,
    });
  }

  // 2022, for the demo accounts: a DRAFT with a vague target to fix and a sheet awaiting 区科技局.
  const filerUnit = options.ids.unit("D03", 1);
  const own = options.projects
    .filter((p) => p.year === 2022 && p.unitId === filerUnit)
    .sort((a, b) => a.code.localeCompare(b.code));
  const demo = createRandom(2022_0110);
  own.slice(0, 2).forEach((p, i) => {
    const s = sheetFor(p, "science", byKey, demo);
    const status = i === 0 ? "DRAFT" : "SUBMITTED";
    if (i === 0) {
      const q = s.rows.find((x) => x.level1 === "BENEFIT")!;
      Object.assign(q, {
        name: "科技服务水平",
        operator: "QUALITATIVE",
        targetValue: "进一步提高",
        unit: "",
        direction: "EXACT",
        libraryIndicatorId: null,
      });
    }
    sheets.push({
      id: s.sheetId,
      projectId: p.id,
      year: 2022,
      versionNo: 1,
      status,
      overallGoal: s.overallGoal,
      submittedAt: i === 1 ? new Date("2021-11-15T02:00:00Z") : null,
    });
    indicators.push(...s.rows);
    transitions.push({
      id: seedId(`target:${p.id}:1:created`),
      sheetId: s.sheetId,
      fromStatus: null,
      toStatus: "DRAFT",
      actorId: options.filerId,
      createdAt: new Date("2021-11-10T02:00:00Z"),
    });
    if (i === 1)
      transitions.push({
        id: seedId(`target:${p.id}:1:submitted`),
        sheetId: s.sheetId,
        fromStatus: "DRAFT",
        toStatus: "SUBMITTED",
        actorId: options.filerId,
        createdAt: new Date("2021-11-15T02:00:00Z"),
      });
  });

  await tx
    .insert(libraryIndicators)
    .values(libraryRows(entries))
    .onConflictDoNothing({ target: libraryIndicators.id });
  await insertInChunks(sheets, 1000, (c) =>
    tx.insert(targetSheets).values(c).onConflictDoNothing({ target: targetSheets.id }),
  );
  await insertInChunks(indicators, 1000, (c) =>
    tx.insert(targetIndicators).values(c).onConflictDoNothing({ target: targetIndicators.id }),
  );
  await insertInChunks(transitions, 1000, (c) =>
    tx.insert(targetSheetTransitions).values(c).onConflictDoNothing({ target: targetSheetTransitions.id }),
  );
  return { library: entries.length, sheets: sheets.length, indicators };
}
