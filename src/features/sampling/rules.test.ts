import { describe, expect, it } from "vitest";
import { createRandom } from "@/server/seed/random";
import {
  allocate,
  amountBand,
  balanceGroups,
  drawSample,
  isSameProjectLastYear,
  nameWithoutYear,
  scoreGap,
  stratumOf,
  type DrawCandidate,
  type DrawInput,
} from "./rules";

// A population like a district's: 12 departments, many small projects, a few large ones.
function population(n: number, seed = 7): DrawCandidate[] {
  const r = createRandom(seed);
  return Array.from({ length: n }, (_, i) => ({
    projectId: `p${String(i).padStart(4, "0")}`,
    code: `2020-D${String(i % 12).padStart(2, "0")}-${String(i).padStart(4, "0")}`,
    departmentCode: `D${String(i % 12).padStart(2, "0")}`,
    budgetFen: BigInt(Math.round(r.logUniform(3_000_000, 15_000_000_000))),
    lastYearFail: i % 97 === 0,
  }));
}

const base = (over: Partial<DrawInput> = {}): DrawInput => ({
  candidates: population(1317),
  sampleSize: 124,
  seed: 20210601,
  minAmountFen: 12_000_000_000n,
  includeLastYearFail: true,
  includeRedWarnings: true,
  redWarningIds: new Set(["p0005", "p0100"]),
  ...over,
});

const ids = (r: ReturnType<typeof drawSample>) => (r.ok ? r.selections.map((s) => s.projectId) : []);

describe("the draw", () => {
  it("gives the same batch for the same seed and inputs, whatever order the rows come in", () => {
    const a = drawSample(base());
    const b = drawSample(base({ candidates: [...population(1317)].reverse() }));
    expect(a.ok).toBe(true);
    expect(ids(a)).toEqual(ids(b));
    expect(a).toEqual(b);
  });

  it("gives a different batch for a different seed, with the same must-includes", () => {
    const a = drawSample(base());
    const b = drawSample(base({ seed: 20210602 }));
    expect(ids(a)).not.toEqual(ids(b));
    const must = (r: typeof a) =>
      r.ok ? r.selections.filter((s) => s.reason !== "RANDOM").map((s) => s.projectId) : [];
    expect(must(a)).toEqual(must(b));
  });

  it("draws exactly the sample size, without repeats", () => {
    for (const size of [1, 37, 124, 400]) {
      const r = drawSample(
        base({ sampleSize: size, minAmountFen: null, includeLastYearFail: false, redWarningIds: new Set() }),
      );
      expect(r.ok && r.selections.length).toBe(size);
      expect(new Set(ids(r)).size).toBe(size);
    }
  });

  it("always includes large amounts, last year's 差 and red warnings, with their reason", () => {
    const input = base();
    const r = drawSample(input);
    if (!r.ok) throw new Error("draw refused");
    const reasonOf = new Map(r.selections.map((s) => [s.projectId, s.reason]));
    for (const c of input.candidates) {
      if (c.budgetFen >= input.minAmountFen!) expect(reasonOf.get(c.projectId)).toBe("LARGE_AMOUNT");
      else if (c.lastYearFail) expect(reasonOf.get(c.projectId)).toBe("LAST_YEAR_FAIL");
      else if (input.redWarningIds.has(c.projectId)) expect(reasonOf.get(c.projectId)).toBe("RED_WARNING");
    }
    expect(r.mustInclude).toBe(r.selections.filter((s) => s.reason !== "RANDOM").length);
    expect(r.mustInclude).toBeGreaterThan(3);
  });

  it("leaves a rule out when its option is off", () => {
    const r = drawSample(base({ includeLastYearFail: false, includeRedWarnings: false }));
    if (!r.ok) throw new Error("draw refused");
    expect(r.selections.some((s) => s.reason === "LAST_YEAR_FAIL" || s.reason === "RED_WARNING")).toBe(false);
  });

  it("draws the rest from each stratum in proportion to its size", () => {
    const input = base();
    const r = drawSample(input);
    if (!r.ok) throw new Error("draw refused");
    const must = new Set(r.selections.filter((s) => s.reason !== "RANDOM").map((s) => s.projectId));
    const rest = input.candidates.filter((c) => !must.has(c.projectId));
    const n = input.sampleSize - must.size;
    const sizes = new Map<string, number>();
    for (const c of rest) sizes.set(stratumOf(c), (sizes.get(stratumOf(c)) ?? 0) + 1);
    const drawn = new Map<string, number>();
    for (const s of r.selections.filter((x) => x.reason === "RANDOM"))
      drawn.set(s.stratum, (drawn.get(s.stratum) ?? 0) + 1);
    for (const [key, size] of sizes) {
      const exact = (n * size) / rest.length;
      expect(Math.abs((drawn.get(key) ?? 0) - exact)).toBeLessThan(1);
    }
    // Every random pick sits in the stratum it is recorded under.
    const byId = new Map(input.candidates.map((c) => [c.projectId, c]));
    for (const s of r.selections) expect(s.stratum).toBe(stratumOf(byId.get(s.projectId)!));
  });

  it("does not always take a small sample from the largest strata", () => {
    const strata = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const r = drawSample(
        base({
          seed,
          sampleSize: 2,
          minAmountFen: null,
          includeLastYearFail: false,
          includeRedWarnings: false,
        }),
      );
      if (r.ok) for (const s of r.selections) if (s.reason === "RANDOM") strata.add(s.stratum);
    }
    expect(strata.size).toBeGreaterThan(10);
  });

  it("refuses when the must-includes alone exceed the sample size", () => {
    const r = drawSample(base({ minAmountFen: 10_000_000n, sampleSize: 50 }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe("mustIncludeExceedsSize");
    expect(!r.ok && r.error === "mustIncludeExceedsSize" && r.mustInclude).toBeGreaterThan(50);
  });

  it("refuses a sample larger than the population", () => {
    const r = drawSample(base({ candidates: population(20), sampleSize: 21 }));
    expect(r).toEqual({ ok: false, error: "sizeExceedsPopulation", population: 20 });
  });
});

describe("strata and names", () => {
  it("bands amounts at 50, 200 and 1000 万元", () => {
    expect(amountBand(49_999_999n)).toBe("B1");
    expect(amountBand(50_000_000n)).toBe("B2");
    expect(amountBand(200_000_000n)).toBe("B3");
    expect(amountBand(1_000_000_000n)).toBe("B4");
    expect(stratumOf({ departmentCode: "D03", budgetFen: 60_000_000n })).toBe("D03:B2");
  });

  it("allocates exactly n, proportionally", () => {
    const q = allocate(
      new Map([
        ["a", 10],
        ["b", 30],
        ["c", 60],
      ]),
      10,
      createRandom(1).next,
    );
    expect([...q.values()].reduce((a, b) => a + b, 0)).toBe(10);
    expect(q.get("a")).toBe(1);
    expect(q.get("b")).toBe(3);
    expect(q.get("c")).toBe(6);
  });

  it("matches last year's project of the same unit by its name without the year", () => {
    expect(nameWithoutYear("2020年科普活动经费")).toBe("科普活动经费");
    const cur = { unitId: "u1", name: "2021年科普活动经费", year: 2021 };
    expect(isSameProjectLastYear(cur, { unitId: "u1", name: "2020年科普活动经费", year: 2020 })).toBe(true);
    expect(isSameProjectLastYear(cur, { unitId: "u2", name: "2020年科普活动经费", year: 2020 })).toBe(false);
    expect(isSameProjectLastYear(cur, { unitId: "u1", name: "2019年科普活动经费", year: 2019 })).toBe(false);
    expect(isSameProjectLastYear(cur, { unitId: "u1", name: "2020年科普活动经费（二）", year: 2020 })).toBe(
      false,
    );
  });
});

describe("group balancing", () => {
  const r = createRandom(99);
  const items = Array.from({ length: 124 }, (_, i) => ({
    projectId: `p${i}`,
    fundsFen: BigInt(Math.round(r.logUniform(3_000_000, 10_000_000_000))),
  }));

  it("keeps counts within one of each other", () => {
    for (const groups of [2, 3, 4, 5]) {
      const split = balanceGroups(items, groups);
      expect(split.size).toBe(items.length);
      const counts = Array.from(
        { length: groups },
        (_, g) => [...split.values()].filter((x) => x === g).length,
      );
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it("keeps counts within one for small batches too", () => {
    for (const n of [1, 3, 10, 13]) {
      const split = balanceGroups(items.slice(0, n), 4);
      const counts = [0, 1, 2, 3].map((g) => [...split.values()].filter((x) => x === g).length);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it("balances funds: every group within a fifth of the mean", () => {
    const split = balanceGroups(items, 4);
    const funds = [0n, 0n, 0n, 0n];
    for (const it of items) funds[split.get(it.projectId)!] += it.fundsFen;
    const mean = funds.reduce((a, b) => a + b, 0n) / 4n;
    for (const f of funds) {
      const off = f > mean ? f - mean : mean - f;
      expect(Number(off) / Number(mean)).toBeLessThan(0.2);
    }
  });

  it("is deterministic", () => {
    expect([...balanceGroups(items, 4)]).toEqual([...balanceGroups([...items].reverse(), 4)]);
  });
});

describe("the gap", () => {
  it("is self − sampled once both totals exist", () => {
    expect(scoreGap(8865, 9165)).toBe(-300);
    expect(scoreGap(9300, 9000)).toBe(300);
    expect(scoreGap(9300, null)).toBeNull();
  });
});
