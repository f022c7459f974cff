// The indicator tree's fixed levels (SPEC §4). Shared by the schema, the rules, the forms and the
// seed, so a level-2 can only ever be filed under its own level-1.
export const LEVEL1 = ["OUTPUT", "BENEFIT", "SATISFACTION"] as const;
export type Level1 = (typeof LEVEL1)[number];

export const LEVEL2_BY_LEVEL1 = {
  OUTPUT: ["QUANTITY", "QUALITY", "TIMELINESS", "COST"],
  BENEFIT: ["ECONOMIC", "SOCIAL", "ECOLOGICAL", "SUSTAINABLE"],
  SATISFACTION: ["SERVICE_SATISFACTION"],
} as const satisfies Record<Level1, readonly string[]>;

export const LEVEL2 = [
  ...LEVEL2_BY_LEVEL1.OUTPUT,
  ...LEVEL2_BY_LEVEL1.BENEFIT,
  ...LEVEL2_BY_LEVEL1.SATISFACTION,
] as const;
export type Level2 = (typeof LEVEL2)[number];

export const OPERATORS = ["GTE", "LTE", "EQ", "QUALITATIVE"] as const;
export type Operator = (typeof OPERATORS)[number];
export const OPERATOR_SYMBOL: Record<Operator, string> = { GTE: "≥", LTE: "≤", EQ: "=", QUALITATIVE: "定性" };

export const DIRECTIONS = ["HIGHER_BETTER", "LOWER_BETTER", "EXACT"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const SHEET_STATUSES = ["DRAFT", "SUBMITTED", "DEPT_APPROVED", "APPROVED", "RETURNED"] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];

/** Where an operator points by default: ≥ wants more, ≤ less, = and 定性 the value itself. */
export function directionOf(operator: Operator): Direction {
  if (operator === "GTE") return "HIGHER_BETTER";
  if (operator === "LTE") return "LOWER_BETTER";
  return "EXACT";
}

export function level1Of(level2: Level2): Level1 {
  return (Object.keys(LEVEL2_BY_LEVEL1) as Level1[]).find((l1) =>
    (LEVEL2_BY_LEVEL1[l1] as readonly string[]).includes(level2),
  )!;
}

export function belongsTo(level1: Level1, level2: Level2): boolean {
  return (LEVEL2_BY_LEVEL1[level1] as readonly string[]).includes(level2);
}
