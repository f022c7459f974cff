import { db } from "@/server/db";
import { districts, organisations, projects, users } from "@/server/schema";

// A second district beside the demo's (and the province above them), for tests of what one district
// may see and do of another's. Each call makes new codes, names and usernames, so a file may add more
// than one, and the server database shared by the files of a run never meets a duplicate.

let seq = 0;
const nextTag = () => `${process.pid % 100000}${Date.now().toString(36)}${++seq}`.toUpperCase();

/** The people a test wants in the district; none are made unless asked for. */
type DistrictPeople = {
  /** A FINANCE_ADMIN of the district's 绩效管理科. */
  admin?: boolean;
  /** A FINANCE_REVIEWER of the district's 绩效管理科. */
  reviewer?: boolean;
  /** An EXPERT of the district (an account with a district and no organisation). */
  expert?: boolean;
  /** A SYS_ADMIN of the district's 财政局. */
  sysAdmin?: boolean;
};

export type TestDistrict = {
  /** Part of every code and username of this district, unique to the call. */
  tag: string;
  districtId: string;
  /** The district's 财政局 (it carries the district). */
  bureauId: string;
  /** Its 绩效管理科, under the bureau, without a district of its own (it takes the bureau's). */
  divisionId: string;
  /** A department of the district, covered by the division: 乙区教育局. */
  deptId: string;
  /** A unit of that department, without a district of its own: 乙区第一中学. */
  unitId: string;
  /** The usernames of the people asked for. */
  usernames: { admin: string; reviewer: string; expert: string; sysAdmin: string };
};

/**
 * Adds a district with a finance bureau, its performance division, one department and one of its
 * units, and the people asked for (display names 乙区管理员, 乙区审核员, 乙区专家, 乙区系统管理员).
 * Organisation codes are `B-<tag>-CZJ`, `B-<tag>-JX`, `B-<tag>-D01` and `B-<tag>-D01-U1`.
 */
export async function addDistrict(people: DistrictPeople = {}): Promise<TestDistrict> {
  const tag = nextTag();
  const [district] = await db
    .insert(districts)
    .values({ code: `8${tag.slice(-5)}`, name: `乙区${tag}` })
    .returning({ id: districts.id });
  const districtId = district!.id;
  const [bureau] = await db
    .insert(organisations)
    .values({ kind: "FINANCE_BUREAU", code: `B-${tag}-CZJ`, name: "乙区财政局", districtId })
    .returning({ id: organisations.id });
  const [division] = await db
    .insert(organisations)
    .values({ kind: "FINANCE_DIVISION", code: `B-${tag}-JX`, name: "乙区绩效管理科", parentId: bureau!.id })
    .returning({ id: organisations.id });
  const [dept] = await db
    .insert(organisations)
    .values({
      kind: "DEPARTMENT",
      code: `B-${tag}-D01`,
      name: "乙区教育局",
      districtId,
      coveringDivisionId: division!.id,
    })
    .returning({ id: organisations.id });
  const [unit] = await db
    .insert(organisations)
    .values({ kind: "UNIT", code: `B-${tag}-D01-U1`, name: "乙区第一中学", parentId: dept!.id })
    .returning({ id: organisations.id });
  const lower = tag.toLowerCase();
  const usernames = {
    admin: `fin_b_${lower}`,
    reviewer: `rev_b_${lower}`,
    expert: `exp_b_${lower}`,
    sysAdmin: `sys_b_${lower}`,
  };
  const rows: (typeof users.$inferInsert)[] = [];
  if (people.admin) {
    rows.push({
      username: usernames.admin,
      displayName: "乙区管理员",
      role: "FINANCE_ADMIN",
      orgId: division!.id,
      passwordHash: "x",
    });
  }
  if (people.reviewer) {
    rows.push({
      username: usernames.reviewer,
      displayName: "乙区审核员",
      role: "FINANCE_REVIEWER",
      orgId: division!.id,
      passwordHash: "x",
    });
  }
  if (people.expert) {
    rows.push({
      username: usernames.expert,
      displayName: "乙区专家",
      role: "EXPERT",
      districtId,
      passwordHash: "x",
    });
  }
  if (people.sysAdmin) {
    rows.push({
      username: usernames.sysAdmin,
      displayName: "乙区系统管理员",
      role: "SYS_ADMIN",
      orgId: bureau!.id,
      passwordHash: "x",
    });
  }
  if (rows.length > 0) await db.insert(users).values(rows);
  return {
    tag,
    districtId,
    bureauId: bureau!.id,
    divisionId: division!.id,
    deptId: dept!.id,
    unitId: unit!.id,
    usernames,
  };
}

export type TestProvince = {
  /** The province's own 财政厅: an organisation without a district. */
  bureauId: string;
  usernames: { admin: string; reviewer: string };
};

/**
 * Adds a province-level finance bureau (省财政厅, no district) with a FINANCE_ADMIN (省厅管理员), who
 * reads every district and acts on the province's own records, and, if asked, a FINANCE_REVIEWER
 * (省厅审核员).
 */
export async function addProvinceFinance(people: { reviewer?: boolean } = {}): Promise<TestProvince> {
  const tag = nextTag();
  const lower = tag.toLowerCase();
  const [bureau] = await db
    .insert(organisations)
    .values({ kind: "FINANCE_BUREAU", code: `P-${tag}-CZT`, name: "省财政厅" })
    .returning({ id: organisations.id });
  const usernames = { admin: `fin_prov_${lower}`, reviewer: `rev_prov_${lower}` };
  const rows: (typeof users.$inferInsert)[] = [
    {
      username: usernames.admin,
      displayName: "省厅管理员",
      role: "FINANCE_ADMIN",
      orgId: bureau!.id,
      passwordHash: "x",
    },
  ];
  if (people.reviewer) {
    rows.push({
      username: usernames.reviewer,
      displayName: "省厅审核员",
      role: "FINANCE_REVIEWER",
      orgId: bureau!.id,
      passwordHash: "x",
    });
  }
  await db.insert(users).values(rows);
  return { bureauId: bureau!.id, usernames };
}

/**
 * Adds a project of the district's unit and department for a year (乙区项目<year>-<n>, code
 * `B<tag>-<year>-<n>`), with its budget and 100,000.00 executed; returns its id.
 */
export async function addProject(
  district: TestDistrict,
  { year, n = 1, budget = "1000000.00" }: { year: number; n?: number; budget?: string },
): Promise<string> {
  const [row] = await db
    .insert(projects)
    .values({
      year,
      code: `B${district.tag}-${year}-${n}`,
      name: `乙区项目${year}-${n}`,
      unitId: district.unitId,
      departmentId: district.deptId,
      kind: "DEPT_SPECIAL",
      novelty: "NEW",
      duration: "ONE_OFF",
      requestedAmount: budget,
      budgetCurrent: budget,
      executedCurrent: "100000.00",
    })
    .returning({ id: projects.id });
  return row!.id;
}
