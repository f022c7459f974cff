import "server-only";
import { defaultDashboardYear, fiscalYearOptions } from "./queries";

/** The dashboard's year from ?year=: one that exists, else the year under evaluation. */
export async function resolveDashboardYear(
  raw: string | string[] | undefined,
): Promise<{ year: number | null; years: number[] }> {
  const [years, fallback] = await Promise.all([fiscalYearOptions(), defaultDashboardYear()]);
  const asked = Number(Array.isArray(raw) ? raw[0] : raw);
  return { year: years.includes(asked) ? asked : fallback, years };
}
