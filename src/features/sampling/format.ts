import { hundredthsToText, toHundredths } from "@/domain/evaluation";

/** Self − sampled as "+3.50" / "-1.00", or a dash until both totals exist. */
export function gapText(selfTotal: string | null, sampledTotal: string | null): string {
  const a = toHundredths(selfTotal);
  const b = toHundredths(sampledTotal);
  if (a === null || b === null) return "—";
  const gap = a - b;
  return `${gap > 0 ? "+" : gap < 0 ? "-" : ""}${hundredthsToText(Math.abs(gap))}`;
}

/** A stored average gap (numeric text, possibly negative) with its sign. */
export function signedText(value: string | null): string {
  if (value === null) return "—";
  const n = Number(value);
  return `${n > 0 ? "+" : ""}${value}`;
}
