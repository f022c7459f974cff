import "server-only";
import { defaultDashboardYear } from "@/features/dashboards/queries";

/** The year asked for when it has projects, else the dashboards' year, else the newest. */
export async function pickYear(raw: string | string[] | undefined, years: number[]): Promise<number | null> {
  const asked = Number(Array.isArray(raw) ? raw[0] : raw);
  if (years.includes(asked)) return asked;
  const fallback = await defaultDashboardYear();
  return fallback !== null && years.includes(fallback) ? fallback : (years[0] ?? null);
}
