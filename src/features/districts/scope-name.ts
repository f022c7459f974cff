import type { DistrictView } from "./schemas";

/**
 * What a province-level user's dashboard covers, for its title: the chosen district's name, else the
 * whole province (`whole`, e.g. 全省). Null for a district user, whose titles say 全区 as before.
 */
export function provinceScopeName(
  user: { provinceWide: boolean },
  districts: DistrictView | undefined,
  whole: string,
): string | null {
  if (!user.provinceWide) return null;
  return districts?.options.find((d) => d.id === districts.selected)?.name ?? whole;
}
