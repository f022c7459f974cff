import { inUnit, ratePercent, type MoneyUnit } from "@/domain/money";

// Display helpers for dashboard figures. Amounts stay exact strings until shown; charts get a number
// only to size a bar, while every label and table cell prints the exactly rounded text.

/** The message key (common.*) naming a money unit. */
export const UNIT_KEY: Record<MoneyUnit, "unitYuan" | "unitWan" | "unitYi"> = {
  yuan: "unitYuan",
  wan: "unitWan",
  yi: "unitYi",
};

export function money(value: string | null | undefined, unit: MoneyUnit): string {
  return inUnit(value ?? "0", unit, 2);
}

/** A bar's length: the amount in the unit, to four places. Never used for a printed figure. */
export function chartValue(value: string | null | undefined, unit: MoneyUnit): number {
  return Number(inUnit(value ?? "0", unit, 4).replace(/,/g, ""));
}

/** 执行率 as "93.21%", or "—" with no budget to divide by. */
export function rate(executed: string, budget: string): string {
  const r = ratePercent(executed, budget, 2);
  return r === null ? "—" : `${r}%`;
}

export function rateValue(executed: string, budget: string): number | null {
  const r = ratePercent(executed, budget, 2);
  return r === null ? null : Number(r);
}

export function integer(n: number): string {
  return n.toLocaleString("en-US");
}

/** The project list with filters; defaults left out, the year always written. */
export function projectsHref(params: {
  year: number;
  dept?: string;
  kind?: string;
  stage?: string;
  sort?: string;
  dir?: string;
  /** 行政区划 a province-level user picked on the dashboard: the list opens on the same district. */
  district?: string;
}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  return `/projects?${q.toString()}`;
}

/**
 * A dashboard link into a list, with the 行政区划 a province-level user picked (none: unchanged), so
 * the list opens on the district the dashboard showed.
 */
export function withDistrict(href: string, district: string | undefined): string {
  if (!district) return href;
  return `${href}${href.includes("?") ? "&" : "?"}district=${encodeURIComponent(district)}`;
}
