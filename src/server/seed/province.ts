import type { Db } from "../db";
import { hashPassword } from "../password";
import { districts, organisations, projects, users } from "../schema";
import { seedId } from "./random";
import { DEMO_PASSWORD } from "./seed";

// The province around the demo district, for showing and testing the province's view (SEED_PROVINCE
// =true, the e2e of the district picker): a second district, 东湖区, with its finance bureau, one
// department, one unit and a few 2020 projects; and the province finance department, 省财政厅, whose
// administrator and leader read every district. Fixed ids, inserted only if absent.

export const PROVINCE_DISTRICT = { id: seedId("district:east-lake"), code: "330002", name: "东湖区" };

const ids = {
  bureau: seedId("org:east-lake:bureau"),
  division: seedId("org:east-lake:division"),
  department: seedId("org:east-lake:dept"),
  unit: seedId("org:east-lake:unit"),
  province: seedId("org:province"),
  provinceDivision: seedId("org:province:division"),
};

/** 2020 projects of 东湖区: amounts in yuan (budget, executed). */
export const PROVINCE_PROJECTS = [
  { code: "DH2020-001", name: "东湖区义务教育学校校舍维修", budget: "3200000.00", executed: "2560000.00" },
  { code: "DH2020-002", name: "东湖区中小学营养餐补助", budget: "1800000.00", executed: "1710000.00" },
  { code: "DH2020-003", name: "东湖区教师培训", budget: "600000.00", executed: "420000.00" },
] as const;

export async function seedProvince(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx
      .insert(districts)
      .values({ ...PROVINCE_DISTRICT, sortOrder: 1 })
      .onConflictDoNothing({ target: districts.id });
    // A division, unit or department without a district takes its parent's (or the bureau's).
    await tx
      .insert(organisations)
      .values([
        {
          id: ids.bureau,
          kind: "FINANCE_BUREAU",
          code: "DH-CZJ",
          name: "东湖区财政局",
          districtId: PROVINCE_DISTRICT.id,
        },
        {
          id: ids.division,
          kind: "FINANCE_DIVISION",
          code: "DH-CZJ-JX",
          name: "东湖区绩效管理科",
          parentId: ids.bureau,
        },
        {
          id: ids.department,
          kind: "DEPARTMENT",
          code: "DH-D01",
          name: "东湖区教育局",
          districtId: PROVINCE_DISTRICT.id,
          coveringDivisionId: ids.division,
        },
        { id: ids.unit, kind: "UNIT", code: "DH-D01-U1", name: "东湖区实验小学", parentId: ids.department },
        { id: ids.province, kind: "FINANCE_BUREAU", code: "PROV-CZT", name: "省财政厅", districtId: null },
        {
          id: ids.provinceDivision,
          kind: "FINANCE_DIVISION",
          code: "PROV-CZT-JX",
          name: "预算绩效管理处",
          parentId: ids.province,
        },
      ])
      .onConflictDoNothing({ target: organisations.id });
    await tx
      .insert(users)
      .values(
        [
          {
            id: seedId("user:province_admin"),
            username: "province_admin",
            displayName: "省厅绩效管理员",
            role: "FINANCE_ADMIN" as const,
            orgId: ids.provinceDivision,
          },
          {
            id: seedId("user:province_leader"),
            username: "province_leader",
            displayName: "省厅领导",
            role: "LEADER" as const,
            orgId: ids.province,
          },
          {
            id: seedId("user:east_lake_admin"),
            username: "east_lake_admin",
            displayName: "东湖区绩效管理员",
            role: "FINANCE_ADMIN" as const,
            orgId: ids.division,
          },
        ].map((u) => ({ ...u, passwordHash })),
      )
      .onConflictDoNothing({ target: users.id });
    await tx
      .insert(projects)
      .values(
        PROVINCE_PROJECTS.map((p) => ({
          id: seedId(`project:east-lake:${p.code}`),
          year: 2020,
          code: p.code,
          name: p.name,
          unitId: ids.unit,
          departmentId: ids.department,
          kind: "DEPT_SPECIAL" as const,
          novelty: "CONTINUING" as const,
          duration: "ONE_OFF" as const,
          requestedAmount: p.budget,
          initialBudget: p.budget,
          budgetCurrent: p.budget,
          executedCurrent: p.executed,
          stage: "SELF_EVALUATION" as const,
        })),
      )
      .onConflictDoNothing({ target: projects.id });
  });
}
