// A small closed-loop load generator: `concurrency` workers each run the task again as soon as it
// returns, until `total` runs are done or, with `seconds`, that time is over (each worker runs at least
// once). Latencies in milliseconds. `before`, when given, runs ahead of each task and is not timed
// (the dashboards' cold runs write before each request).

export type Run = { latencies: number[]; errors: number; wallMs: number };
export type Summary = {
  concurrency: number;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

export async function measure(
  concurrency: number,
  total: number,
  task: (i: number) => Promise<unknown>,
  seconds?: number,
  before?: (i: number) => Promise<unknown>,
): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  let started = 0;
  const t0 = performance.now();
  const until = seconds ? t0 + seconds * 1000 : Infinity;
  const worker = async () => {
    let mine = 0;
    while (started < total && (mine === 0 || performance.now() < until)) {
      const i = started++;
      mine++;
      let s = performance.now();
      try {
        if (before) {
          await before(i);
          s = performance.now();
        }
        await task(i);
      } catch (e) {
        errors++;
        if (errors <= 3) console.error("[bench]", e instanceof Error ? e.message : e);
      }
      latencies.push(performance.now() - s);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors, wallMs: performance.now() - t0 };
}

const pick = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;

export function summarise(concurrency: number, run: Run): Summary {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  return {
    concurrency,
    requests: sorted.length,
    errors: run.errors,
    rps: round((sorted.length / run.wallMs) * 1000),
    p50: round(pick(sorted, 0.5)),
    p95: round(pick(sorted, 0.95)),
    p99: round(pick(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? 0),
  };
}
