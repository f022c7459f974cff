import { count, notInArray } from "drizzle-orm";
import type { Db } from "../db";
import { hashPassword } from "../password";
import { districts, fiscalYears, organisations, projects, users } from "../schema";
import type { Role } from "../schema/enums";
import { AGENCIES, BUREAU, DEPARTMENTS, DISTRICT, DIVISIONS, TOWNSHIPS } from "./organisations-data";
import { seedMonitoring } from "./monitoring";
import { seedHandOffNotifications } from "./hand-off-notifications";
import { seedRectification } from "./rectification";
import { personName } from "./people";
import { buildPreAssessmentSeed, insertPreAssessmentSeed } from "./pre-assessment";
import { buildProjects, YEAR_PLAN, type SeedYear } from "./projects-data";
import { createRandom, seedId } from "./random";
import { buildAgencySeed, insertAgencySeed } from "./agencies";
import { insertTemplateSeed } from "./evaluation-templates";
import { insertOverallEvaluationSeed } from "./overall-evaluation";
import { buildKeyEvaluationSeed, insertKeyEvaluationSeed } from "./key-evaluation";
import { buildSamplingSeed, insertSamplingSeed } from "./sampling";
import { buildSelfEvaluationSeed, insertSelfEvaluationSeed } from "./self-evaluation";
import { seedTargets, sheetSeedId } from "./targets";
import { buildThirdPartySeed, insertThirdPartySeed } from "./third-party";

export const DEMO_PASSWORD = "Demo@2021";
export const SEED_YEARS = [2020, 2021, 2022] as const;

/** Every demo organisation, and the accounts without one, belong to this district. */
export const DEMO_DISTRICT_ID = seedId(DISTRICT.key);

export const orgIds = {
  bureau: seedId("org:bureau"),
  division: (code: string) => seedId(`org:division:${code}`),
  department: (code: string) => seedId(`org:dept:${code}`),
  unit: (code: string, index: number) => seedId(`org:unit:${code}:${index}`),
  township: (name: string) => seedId(`org:township:${name}`),
  agency: (code: string) => seedId(`org:agency:${code}`),
  congress: seedId("org:congress"),
  government: seedId("org:government"),
};

type UserSeed = { id: string; username: string; displayName: string; role: Role; orgId: string | null };

// The demo accounts named in the README: one per role, and a second filer in another department.
export const DEMO_ACCOUNTS: UserSeed[] = [
  {
    id: seedId("user:finance_admin"),
    username: "finance_admin",
    displayName: "王丽华",
    role: "FINANCE_ADMIN",
    orgId: orgIds.division("CZJ-JX"),
  },
  {
    id: seedId("user:finance_reviewer"),
    username: "finance_reviewer",
    displayName: "陈建国",
    role: "FINANCE_REVIEWER",
    orgId: orgIds.division("CZJ-JKW"),
  },
  { id: seedId("user:expert"), username: "expert", displayName: "周明远", role: "EXPERT", orgId: null },
  {
    id: seedId("user:dept_filer"),
    username: "dept_filer",
    displayName: "李晓东",
    role: "DEPT_FILER",
    orgId: orgIds.unit("D03", 1),
  },
  {
    id: seedId("user:dept_approver"),
    username: "dept_approver",
    displayName: "张海燕",
    role: "DEPT_APPROVER",
    orgId: orgIds.department("D03"),
  },
  {
    id: seedId("user:dept_filer2"),
    username: "dept_filer2",
    displayName: "刘佳怡",
    role: "DEPT_FILER",
    orgId: orgIds.unit("D01", 1),
  },
  {
    id: seedId("user:agency"),
    username: "agency",
    displayName: "赵思远",
    role: "AGENCY",
    orgId: orgIds.agency("AG01"),
  },
  // 区人大: reads the dashboards and records 审议意见 on department-wide evaluations.
  {
    id: seedId("user:leader"),
    username: "leader",
    displayName: "孙志红",
    role: "LEADER",
    orgId: orgIds.congress,
  },
  // 区委区政府: reads the dashboards and the opinions, records none.
  {
    id: seedId("user:leader_gov"),
    username: "leader_gov",
    displayName: "钱立新",
    role: "LEADER",
    orgId: orgIds.government,
  },
  {
    id: seedId("user:sysadmin"),
    username: "sysadmin",
    displayName: "吴浩然",
    role: "SYS_ADMIN",
    orgId: orgIds.bureau,
  },
  {
    id: seedId("user:auditor"),
    username: "auditor",
    displayName: "郑文斌",
    role: "AUDITOR",
    orgId: orgIds.bureau,
  },
];

function buildOrganisations() {
  const rows: (typeof organisations.$inferInsert)[] = [
    { id: orgIds.bureau, kind: "FINANCE_BUREAU", code: BUREAU.code, name: BUREAU.name },
  ];
  DIVISIONS.forEach((d, i) =>
    rows.push({
      id: orgIds.division(d.code),
      kind: "FINANCE_DIVISION",
      code: d.code,
      name: d.name,
      parentId: orgIds.bureau,
      sortOrder: i,
    }),
  );
  DEPARTMENTS.forEach((d, i) => {
    rows.push({
      id: orgIds.department(d.code),
      kind: "DEPARTMENT",
      code: d.code,
      name: d.name,
      coveringDivisionId: orgIds.division(d.division),
      sortOrder: i,
    });
    d.units.forEach((u, j) =>
      rows.push({
        id: orgIds.unit(d.code, j),
        kind: "UNIT",
        code: `${d.code}-U${j + 1}`,
        name: u,
        parentId: orgIds.department(d.code),
        sortOrder: j,
      }),
    );
  });
  TOWNSHIPS.forEach((t, i) =>
    rows.push({
      id: orgIds.township(t),
      kind: "TOWNSHIP",
      code: `T${String(i + 1).padStart(2, "0")}`,
      name: t,
      coveringDivisionId: orgIds.division("CZJ-YS"),
      sortOrder: i,
    }),
  );
  AGENCIES.forEach((a, i) =>
    rows.push({
      id: orgIds.agency(a.code),
      kind: "AGENCY",
      code: a.code,
      name: a.name,
      agencyType: a.type,
      sortOrder: i,
    }),
  );
  rows.push(
    { id: orgIds.congress, kind: "CONGRESS", code: "RD", name: "区人大常委会" },
    { id: orgIds.government, kind: "GOVERNMENT", code: "QW", name: "区委区政府" },
  );
  return rows.map((row) => ({ ...row, districtId: DEMO_DISTRICT_ID }));
}

function buildUsers(): UserSeed[] {
  const r = createRandom(20_210_001);
  const out = [...DEMO_ACCOUNTS];
  for (const d of DIVISIONS.slice(1)) {
    const key = d.code.split("-")[1]!.toLowerCase();
    out.push({
      id: seedId(`user:reviewer:${key}`),
      username: `reviewer_${key}`,
      displayName: personName(r),
      role: "FINANCE_REVIEWER",
      orgId: orgIds.division(d.code),
    });
  }
  for (const d of DEPARTMENTS) {
    const key = d.code.toLowerCase();
    out.push({
      id: seedId(`user:approver:${key}`),
      username: `approver_${key}`,
      displayName: personName(r),
      role: "DEPT_APPROVER",
      orgId: orgIds.department(d.code),
    });
    d.units.forEach((_, j) =>
      out.push({
        id: seedId(`user:filer:${key}:${j}`),
        username: `filer_${key}_${j + 1}`,
        displayName: personName(r),
        role: "DEPT_FILER",
        orgId: orgIds.unit(d.code, j),
      }),
    );
  }
  TOWNSHIPS.forEach((t, i) => {
    const key = `t${String(i + 1).padStart(2, "0")}`;
    out.push({
      id: seedId(`user:township:${key}:approver`),
      username: `approver_${key}`,
      displayName: personName(r),
      role: "DEPT_APPROVER",
      orgId: orgIds.township(t),
    });
    out.push({
      id: seedId(`user:township:${key}:filer`),
      username: `filer_${key}`,
      displayName: personName(r),
      role: "DEPT_FILER",
      orgId: orgIds.township(t),
    });
  });
  for (let i = 1; i <= 8; i++) {
    out.push({
      id: seedId(`user:expert:${i}`),
      username: `expert_${String(i).padStart(2, "0")}`,
      displayName: personName(r),
      role: "EXPERT",
      orgId: null,
    });
  }
  AGENCIES.slice(1).forEach((a) =>
    out.push({
      id: seedId(`user:agency:${a.code}`),
      username: `agency_${a.code.toLowerCase()}`,
      displayName: personName(r),
      role: "AGENCY",
      orgId: orgIds.agency(a.code),
    }),
  );
  return out;
}

/** Who files for a unit and who approves for a department in the demo data (the first of each). */
export const seedPeople = {
  filerOf: (unitId: string) => {
    if (unitId === orgIds.unit("D03", 1)) return seedId("user:dept_filer");
    for (const d of DEPARTMENTS)
      for (let j = 0; j < d.units.length; j++)
        if (orgIds.unit(d.code, j) === unitId) return seedId(`user:filer:${d.code.toLowerCase()}:${j}`);
    return seedId("user:dept_filer");
  },
  approverOf: (departmentId: string) => {
    if (departmentId === orgIds.department("D03")) return seedId("user:dept_approver");
    const d = DEPARTMENTS.find((x) => orgIds.department(x.code) === departmentId);
    return d ? seedId(`user:approver:${d.code.toLowerCase()}`) : seedId("user:dept_approver");
  },
};

function buildAllProjects() {
  const places = TOWNSHIPS.filter((t) => !t.endsWith("街道")).map((t) => t.replace(/[镇乡]$/, ""));
  return SEED_YEARS.flatMap((year) =>
    buildProjects(year as SeedYear, DEPARTMENTS, orgIds, places, createRandom(year * 7919)),
  );
}

function firstByOrg(rows: UserSeed[], role: Role): Map<string, string> {
  const out = new Map<string, string>();
  for (const u of rows) if (u.role === role && u.orgId && !out.has(u.orgId)) out.set(u.orgId, u.id);
  return out;
}

async function insertInChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Does the database hold anything the seed did not write? Then seeding needs ALLOW_SEED=true. */
export async function holdsForeignData(db: Db): Promise<boolean> {
  const ids = buildUsers().map((u) => u.id);
  const [row] = await db.select({ n: count() }).from(users).where(notInArray(users.id, ids));
  return (row?.n ?? 0) > 0;
}

/**
 * Load the demo data. Every row has a fixed id and is inserted only if absent, so a second run
 * changes nothing.
 */
export async function seed(db: Db): Promise<{ organisations: number; users: number; projects: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgRows = buildOrganisations();
  const userRows = buildUsers();
  const projectRows = buildAllProjects();
  // Sets the 2022 re-evaluated projects' requested amounts before they are inserted (SPEC §10).
  const preAssessmentRows = buildPreAssessmentSeed(projectRows);
  await db.transaction(async (tx) => {
    await tx
      .insert(districts)
      .values({ id: DEMO_DISTRICT_ID, code: DISTRICT.code, name: DISTRICT.name })
      .onConflictDoNothing({ target: districts.id });
    await tx.insert(organisations).values(orgRows).onConflictDoNothing({ target: organisations.id });
    await tx
      .insert(fiscalYears)
      .values(SEED_YEARS.map((year) => ({ year })))
      .onConflictDoNothing();
    await insertInChunks(userRows, 200, (chunk) =>
      tx
        .insert(users)
        .values(chunk.map((u) => ({ ...u, passwordHash, districtId: u.orgId ? null : DEMO_DISTRICT_ID })))
        .onConflictDoNothing({ target: users.id }),
    );
    await insertInChunks(projectRows, 400, (chunk) =>
      tx.insert(projects).values(chunk).onConflictDoNothing({ target: projects.id }),
    );
    const targets = await seedTargets(tx, {
      projects: projectRows,
      departments: DEPARTMENTS,
      ids: orgIds,
      financeAdminId: seedId("user:finance_admin"),
      filerId: seedId("user:dept_filer"),
      filerOf: seedPeople.filerOf,
    });
    await insertPreAssessmentSeed(tx, preAssessmentRows);
    const selfRows = buildSelfEvaluationSeed(
      projectRows,
      targets.indicators,
      (projectId) => sheetSeedId(projectId, 1),
      seedPeople,
      seedId("user:finance_admin"),
    );
    await insertSelfEvaluationSeed(tx, selfRows, seedId("user:finance_admin"));
    await insertAgencySeed(tx, buildAgencySeed(orgIds, seedId("user:finance_admin")));
    await insertTemplateSeed(tx, SEED_YEARS, seedId("user:finance_admin"));
    // Before the third-party seed, whose field-evaluation engagements point at these evaluations.
    await insertOverallEvaluationSeed(tx, {
      financeAdmin: seedId("user:finance_admin"),
      leader: seedId("user:leader"),
      department: orgIds.department,
      township: orgIds.township,
      approverOf: seedPeople.approverOf,
      townshipFiler: seedId("user:township:t01:filer"),
    });
    const samplingRows = buildSamplingSeed(
      projectRows,
      selfRows,
      seedId("user:finance_admin"),
      orgIds.department("D03"),
    );
    await insertSamplingSeed(tx, samplingRows, seedPeople.approverOf);
    await insertKeyEvaluationSeed(
      tx,
      buildKeyEvaluationSeed(
        projectRows,
        new Set(samplingRows.selections.map((s) => s.projectId)),
        seedId("user:finance_admin"),
      ),
    );
    await seedMonitoring(tx, {
      projects: projectRows,
      // Who files and approves for each unit and department: the first account of that role there.
      filerOf: firstByOrg(userRows, "DEPT_FILER"),
      approverOf: firstByOrg(userRows, "DEPT_APPROVER"),
      financeAdminId: seedId("user:finance_admin"),
      filerUnitId: orgIds.unit("D03", 1),
    });
    // After the department-wide evaluations: their field evaluations are engaged here.
    await insertThirdPartySeed(tx, buildThirdPartySeed(projectRows, seedId("user:finance_admin")));
    await seedRectification(tx, {
      financeAdminId: seedId("user:finance_admin"),
      approverOf: seedPeople.approverOf,
      filerOf: seedPeople.filerOf,
      demoDepartmentId: orgIds.department("D03"),
    });
    await seedHandOffNotifications(tx);
  });
  return { organisations: orgRows.length, users: userRows.length, projects: projectRows.length };
}

export async function seedIfEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  const started = Date.now();
  const result = await seed(db);
  console.log(
    `[seed] demo data loaded: ${result.organisations} organisations, ${result.users} users, ${result.projects} projects in ${Date.now() - started} ms`,
  );
  return true;
}

export const SEED_SUMMARY = {
  years: SEED_YEARS,
  projectsPerYear: Object.fromEntries(Object.entries(YEAR_PLAN).map(([y, p]) => [y, p.count])),
};
