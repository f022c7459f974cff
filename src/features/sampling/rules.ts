import type { SelectionReason } from "../../server/schema/sampling";
import { createRandom } from "../../server/seed/random";

// 集中抽评 rules (SPEC §6), pure: the draw (must-includes, then a stratified random draw from a
// recorded seed, so the same inputs always give the same batch), the split into balanced groups, and
// the self-versus-sampled gap. Amounts are fen (BigInt); scores are hundredths (integers).

/** A filed self-evaluation the draw may pick: its project, department and 全年预算数. */
export type DrawCandidate = {
  projectId: string;
  /** Sort key that makes the draw independent of the order rows arrive in (the project code). */
  code: string;
  departmentCode: string;
  budgetFen: bigint;
  /** Last year's project of the same unit and name was self-graded 差. */
  lastYearFail: boolean;
};

export type DrawInput = {
  candidates: DrawCandidate[];
  sampleSize: number;
  seed: number;
  /** Must include every project whose 全年预算数 is at least this (null: no amount rule). */
  minAmountFen: bigint | null;
  includeLastYearFail: boolean;
  includeRedWarnings: boolean;
  /** Projects with a red execution warning in monitoring (supplied by the caller). */
  redWarningIds: ReadonlySet<string>;
};

export type DrawSelection = { projectId: string; reason: SelectionReason; stratum: string };

export type DrawResult =
  | { ok: true; selections: DrawSelection[]; mustInclude: number; population: number }
  | { ok: false; error: "mustIncludeExceedsSize"; mustInclude: number }
  | { ok: false; error: "sizeExceedsPopulation"; population: number };

// Amount bands of the stratification, lower bounds in fen: <50万, 50–200万, 200–1000万, ≥1000万.
export const AMOUNT_BANDS = [
  { key: "B1", fromFen: 0n },
  { key: "B2", fromFen: 50_000_000n },
  { key: "B3", fromFen: 200_000_000n },
  { key: "B4", fromFen: 1_000_000_000n },
] as const;
export type AmountBand = (typeof AMOUNT_BANDS)[number]["key"];

export function amountBand(budgetFen: bigint): AmountBand {
  let band: AmountBand = "B1";
  for (const b of AMOUNT_BANDS) if (budgetFen >= b.fromFen) band = b.key;
  return band;
}

/** The stratum of a project: its department and amount band, e.g. "D03:B2". */
export const stratumOf = (c: Pick<DrawCandidate, "departmentCode" | "budgetFen">) =>
  `${c.departmentCode}:${amountBand(c.budgetFen)}`;

/** The name of a project without its year prefix ("2020年科普活动经费" → "科普活动经费"). */
export const nameWithoutYear = (name: string) => name.trim().replace(/^\d{4}\s*年(度)?\s*/, "");

/** Is `previous` last year's edition of `current`: the same unit and the same name apart from the year. */
export function isSameProjectLastYear(
  current: { unitId: string; name: string; year: number },
  previous: { unitId: string; name: string; year: number },
): boolean {
  return (
    previous.year === current.year - 1 &&
    previous.unitId === current.unitId &&
    nameWithoutYear(previous.name) === nameWithoutYear(current.name)
  );
}

/** Why a project must be in the batch, the first rule that applies; null when none does. */
function mustIncludeReason(c: DrawCandidate, input: DrawInput): SelectionReason | null {
  if (input.minAmountFen !== null && c.budgetFen >= input.minAmountFen) return "LARGE_AMOUNT";
  if (input.includeLastYearFail && c.lastYearFail) return "LAST_YEAR_FAIL";
  if (input.includeRedWarnings && input.redWarningIds.has(c.projectId)) return "RED_WARNING";
  return null;
}

/** Fisher–Yates with the seeded generator: the same seed gives the same order on every machine. */
function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * How many of `n` to draw from each stratum: the whole part of its proportional share, then the slots
 * left over go to strata drawn at random with their fractional parts as weights, so every stratum gets
 * its share rounded down or up, and a small sample is not always taken from the largest strata.
 */
export function allocate(sizes: Map<string, number>, n: number, next: () => number): Map<string, number> {
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const out = new Map<string, number>();
  const keys = [...sizes.keys()].sort();
  for (const k of keys) out.set(k, 0);
  if (total === 0 || n === 0) return out;
  let given = 0;
  const remainders: { key: string; rest: number }[] = [];
  for (const key of keys) {
    const exact = (n * sizes.get(key)!) / total;
    const whole = Math.floor(exact);
    out.set(key, whole);
    given += whole;
    if (exact > whole) remainders.push({ key, rest: exact - whole });
  }
  for (let left = n - given; left > 0 && remainders.length > 0; left--) {
    const weight = remainders.reduce((a, r) => a + r.rest, 0);
    let x = next() * weight;
    let i = 0;
    while (i < remainders.length - 1 && x >= remainders[i]!.rest) x -= remainders[i++]!.rest;
    const [picked] = remainders.splice(i, 1);
    out.set(picked!.key, out.get(picked!.key)! + 1);
  }
  return out;
}

/**
 * The draw: every must-include first (refused when they alone exceed the sample size), then the rest
 * of the sample drawn at random within strata (department × amount band) in proportion to each
 * stratum's size, from the recorded seed.
 */
export function drawSample(input: DrawInput): DrawResult {
  const population = input.candidates.length;
  if (input.sampleSize > population) return { ok: false, error: "sizeExceedsPopulation", population };
  const sorted = [...input.candidates].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const selections: DrawSelection[] = [];
  const rest: DrawCandidate[] = [];
  for (const c of sorted) {
    const reason = mustIncludeReason(c, input);
    if (reason) selections.push({ projectId: c.projectId, reason, stratum: stratumOf(c) });
    else rest.push(c);
  }
  const mustInclude = selections.length;
  if (mustInclude > input.sampleSize) return { ok: false, error: "mustIncludeExceedsSize", mustInclude };

  const random = createRandom(input.seed);
  const strata = new Map<string, DrawCandidate[]>();
  for (const c of rest) {
    const key = stratumOf(c);
    strata.set(key, [...(strata.get(key) ?? []), c]);
  }
  const quota = allocate(
    new Map([...strata].map(([k, v]) => [k, v.length])),
    input.sampleSize - mustInclude,
    random.next,
  );
  for (const key of [...strata.keys()].sort()) {
    const picked = shuffled(strata.get(key)!, random.next).slice(0, quota.get(key) ?? 0);
    picked.sort((a, b) => (a.code < b.code ? -1 : 1));
    for (const c of picked) selections.push({ projectId: c.projectId, reason: "RANDOM", stratum: key });
  }
  return { ok: true, selections, mustInclude, population };
}

/**
 * Split the selected projects into `groupCount` groups balanced by count and funds: largest funds
 * first, each to the group with the least funds among those still below their share of the count
 * (every group ends with ⌊n/k⌋ or ⌈n/k⌉ projects). Returns each project's group index (0-based).
 */
export function balanceGroups(
  items: { projectId: string; fundsFen: bigint }[],
  groupCount: number,
): Map<string, number> {
  const groups = Array.from({ length: groupCount }, () => ({ count: 0, funds: 0n }));
  const floor = Math.floor(items.length / groupCount);
  const extra = items.length % groupCount; // how many groups take one more
  let atCeiling = 0;
  const order = [...items].sort((a, b) =>
    a.fundsFen === b.fundsFen ? (a.projectId < b.projectId ? -1 : 1) : a.fundsFen > b.fundsFen ? -1 : 1,
  );
  const out = new Map<string, number>();
  for (const item of order) {
    const cap = atCeiling < extra ? floor + 1 : floor;
    let best = -1;
    for (let g = 0; g < groups.length; g++) {
      const a = groups[g]!;
      if (a.count >= cap) continue;
      const b = best < 0 ? null : groups[best]!;
      if (!b || a.funds < b.funds || (a.funds === b.funds && a.count < b.count)) best = g;
    }
    const chosen = groups[best]!;
    chosen.count += 1;
    chosen.funds += item.fundsFen;
    if (chosen.count === floor + 1) atCeiling += 1;
    out.set(item.projectId, best);
  }
  return out;
}

/** Self total − sampled total, in hundredths; null until both exist. */
export function scoreGap(selfHundredths: number | null, sampledHundredths: number | null): number | null {
  if (selfHundredths === null || sampledHundredths === null) return null;
  return selfHundredths - sampledHundredths;
}
