// Money is yuan as a decimal string (numeric(18,2) from PostgreSQL). Arithmetic happens in integer fen
// (BigInt), never in floating point; conversion to a unit and rounding happen once, for display.

export type MoneyUnit = "yuan" | "wan" | "yi";
export const MONEY_UNITS: readonly MoneyUnit[] = ["yuan", "wan", "yi"];

const UNIT_FEN: Record<MoneyUnit, bigint> = { yuan: 100n, wan: 1_000_000n, yi: 10_000_000_000n };

/** Parse "1234.5" / "-0.01" / 1234 into fen. Throws on anything that is not a plain decimal. */
export function toFen(value: string | number | bigint | null | undefined): bigint {
  if (value === null || value === undefined || value === "") return 0n;
  if (typeof value === "bigint") return value;
  const s = typeof value === "number" ? value.toFixed(2) : value.trim();
  const m = /^(-)?(\d+)(?:\.(\d{1,}))?$/.exec(s);
  if (!m) throw new Error(`Not an amount: ${s}`);
  const [, sign, whole, frac = ""] = m;
  const cents = BigInt(whole!) * 100n + BigInt((frac + "00").slice(0, 2));
  // Anything past two decimals rounds half up (inputs are validated to two decimals).
  const rest = frac.length > 2 && Number(frac[2]) >= 5 ? 1n : 0n;
  const fen = cents + rest;
  return sign ? -fen : fen;
}

/** Fen back to the yuan string PostgreSQL stores. */
export function fenToYuanString(fen: bigint): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  return `${neg ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

export function sumYuan(...values: (string | null | undefined)[]): string {
  return fenToYuanString(values.reduce<bigint>((acc, v) => acc + toFen(v), 0n));
}

/** Divide fen by a unit's size and round half away from zero to `decimals` places, returning a string. */
export function inUnit(value: string | bigint | null | undefined, unit: MoneyUnit, decimals = 2): string {
  const fen = typeof value === "bigint" ? value : toFen(value);
  const scale = 10n ** BigInt(decimals);
  const num = fen * scale;
  const den = UNIT_FEN[unit];
  const neg = num < 0n;
  const abs = neg ? -num : num;
  let q = abs / den;
  if ((abs % den) * 2n >= den) q += 1n;
  const whole = q / scale;
  const frac = decimals > 0 ? "." + (q % scale).toString().padStart(decimals, "0") : "";
  return `${neg && q !== 0n ? "-" : ""}${whole.toLocaleString("en-US")}${frac}`;
}

/** A ratio of two amounts as a percentage string with `decimals` places, or null when the base is 0. */
export function ratePercent(part: string | bigint, whole: string | bigint, decimals = 2): string | null {
  const p = typeof part === "bigint" ? part : toFen(part);
  const w = typeof whole === "bigint" ? whole : toFen(whole);
  if (w === 0n) return null;
  const scale = 10n ** BigInt(decimals);
  const num = p * 100n * scale;
  const neg = num < 0n !== w < 0n;
  const absNum = num < 0n ? -num : num;
  const absW = w < 0n ? -w : w;
  let q = absNum / absW;
  if ((absNum % absW) * 2n >= absW) q += 1n;
  const s = `${q / scale}${decimals > 0 ? "." + (q % scale).toString().padStart(decimals, "0") : ""}`;
  return neg && q !== 0n ? `-${s}` : s;
}

/** An amount validator for forms: digits with up to two decimals, as typed in 元. */
export const AMOUNT_PATTERN = /^\d{1,16}(\.\d{1,2})?$/;
