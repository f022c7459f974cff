import type { ProjectStage } from "../schema/enums";
import type { DepartmentSeed } from "./organisations-data";
import { INVESTMENT_NAMES, SPECIAL_NAMES } from "./project-names";
import type { Random } from "./random";
import { seedId } from "./random";

export type ProjectSeed = {
  id: string;
  year: number;
  code: string;
  name: string;
  unitId: string;
  departmentId: string;
  kind: "DEPT_SPECIAL" | "GOV_INVESTMENT";
  novelty: "NEW" | "CONTINUING";
  duration: "ONE_OFF" | "RECURRING" | "MULTI_YEAR";
  isMajor: boolean;
  specialArea:
    "GENERAL" | "GOV_INVESTMENT_FUND" | "PPP" | "GOV_PROCUREMENT" | "GOV_PURCHASED_SERVICE" | "GOV_DEBT";
  requestedAmount: string;
  initialBudget: string;
  budgetCurrent: string;
  budgetCarryover: string;
  budgetOther: string;
  executedCurrent: string;
  executedCarryover: string;
  executedOther: string;
  stage: ProjectStage;
};

// How each year stands in work year 2021: 2020 is being evaluated, 2021 executed and monitored,
// 2022 prepared (filed, pre-assessed, targets set).
export const YEAR_PLAN = {
  2020: { count: 1317, investmentShare: 0.072, executedFrom: 0.62, executedTo: 1.0 },
  2021: { count: 1342, investmentShare: 0.075, executedFrom: 0.25, executedTo: 0.75 },
  2022: { count: 1365, investmentShare: 0.078, executedFrom: 0, executedTo: 0 },
} as const;
export type SeedYear = keyof typeof YEAR_PLAN;

const SECTOR_WEIGHT: Record<string, number> = {
  education: 3.2,
  health: 2.6,
  agriculture: 2.6,
  transport: 1.8,
  water: 1.8,
  construction: 1.8,
  enforcement: 1.6,
  culture: 1.5,
  civil: 1.5,
};

/** Split `total` across departments by weight, exactly (largest remainders). */
export function allocate(total: number, departments: DepartmentSeed[]): number[] {
  const weights = departments.map((d) => (SECTOR_WEIGHT[d.sector] ?? 1) * (0.6 + d.units.length * 0.25));
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const counts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[order[k]![1]]! += 1;
  return counts;
}

const yuan = (n: number) => (Math.round(n / 100) * 100).toFixed(2);

function stageFor(year: SeedYear, r: Random): ProjectStage {
  if (year === 2020) return "SELF_EVALUATION";
  if (year === 2021) return "MONITORING";
  const x = r.next();
  return x < 0.15 ? "DRAFT" : x < 0.35 ? "PRE_ASSESSMENT" : x < 0.6 ? "TARGET_SETTING" : "BUDGETED";
}

export function buildProjects(
  year: SeedYear,
  departments: DepartmentSeed[],
  ids: { department: (code: string) => string; unit: (code: string, index: number) => string },
  places: string[],
  r: Random,
): ProjectSeed[] {
  const plan = YEAR_PLAN[year];
  const counts = allocate(plan.count, departments);
  const out: ProjectSeed[] = [];
  departments.forEach((dept, di) => {
    const used = new Map<string, number>();
    for (let i = 0; i < counts[di]!; i++) {
      const investment = Boolean(INVESTMENT_NAMES[dept.sector]) && r.chance(plan.investmentShare * 2.2);
      const unitIndex = investment || i % 3 === 0 ? 0 : r.int(0, dept.units.length - 1);
      const unitName = dept.units[unitIndex]!;
      let base = investment
        ? r.pick(INVESTMENT_NAMES[dept.sector]!).replace("{place}", r.pick(places))
        : r.pick(SPECIAL_NAMES[dept.sector] ?? SPECIAL_NAMES.township!);
      if (!investment && unitIndex > 0 && !base.startsWith("区"))
        base = `${unitName.replace(/^区/, "")}${base}`;
      const seen = used.get(base) ?? 0;
      used.set(base, seen + 1);
      const name =
        seen === 0
          ? `${year}年${base}`
          : `${year}年${base}（${["二", "三", "四", "五", "六", "七", "八", "九"][seen - 1] ?? seen + 1}）`;

      const budget = investment ? r.logUniform(3_000_000, 150_000_000) : r.logUniform(30_000, 20_000_000);
      const novelty = r.chance(investment ? 0.7 : 0.3) ? "NEW" : "CONTINUING";
      const duration = investment
        ? "MULTI_YEAR"
        : r.chance(0.55)
          ? "RECURRING"
          : r.chance(0.8)
            ? "ONE_OFF"
            : "MULTI_YEAR";
      const requested = budget * (1 + r.next() * 0.25);
      const initial = year === 2022 && r.chance(0.4) ? 0 : budget;
      const carry = duration === "MULTI_YEAR" && year !== 2022 && r.chance(0.5) ? budget * r.next() * 0.2 : 0;
      const other = r.chance(0.12) ? budget * r.next() * 0.15 : 0;
      const adjust = year === 2020 ? 1 + (r.next() - 0.4) * 0.2 : 1;
      const current = initial * adjust;
      // Most projects spend nearly all; a tail spends much less, which is what monitoring catches.
      const rate =
        plan.executedTo === 0
          ? 0
          : r.chance(0.8)
            ? plan.executedTo - r.next() * 0.15
            : plan.executedFrom + r.next() * (plan.executedTo - plan.executedFrom);
      const seq = String(i + 1).padStart(4, "0");
      out.push({
        id: seedId(`project:${year}:${dept.code}:${seq}`),
        year,
        code: `${year}-${dept.code}-${seq}`,
        name,
        unitId: ids.unit(dept.code, unitIndex),
        departmentId: ids.department(dept.code),
        kind: investment ? "GOV_INVESTMENT" : "DEPT_SPECIAL",
        novelty,
        duration,
        isMajor: investment ? r.chance(0.5) : budget > 5_000_000 && r.chance(0.3),
        specialArea: investment
          ? r.chance(0.08)
            ? "PPP"
            : r.chance(0.1)
              ? "GOV_DEBT"
              : "GENERAL"
          : r.chance(0.12)
            ? "GOV_PURCHASED_SERVICE"
            : r.chance(0.1)
              ? "GOV_PROCUREMENT"
              : r.chance(0.02)
                ? "GOV_INVESTMENT_FUND"
                : "GENERAL",
        requestedAmount: yuan(requested),
        initialBudget: yuan(initial),
        budgetCurrent: yuan(current),
        budgetCarryover: yuan(carry),
        budgetOther: yuan(other),
        executedCurrent: yuan(current * rate),
        executedCarryover: yuan(carry * Math.min(1, rate + 0.1)),
        executedOther: yuan(other * rate),
        stage: stageFor(year, r),
      });
    }
  });
  return out;
}
