import "server-only";
import { asc } from "drizzle-orm";
import { db } from "@/server/db";
import { districts } from "@/server/schema";
import { inDistrict } from "@/server/scope";
import type { CurrentUser } from "@/server/session";
import { districtParamSchema, type DistrictOption } from "./schemas";

/** The districts a user may choose between: every district for a province-level user, none otherwise. */
export async function districtOptions(user: Pick<CurrentUser, "provinceWide">): Promise<DistrictOption[]> {
  if (!user.provinceWide) return [];
  return db
    .select({ id: districts.id, name: districts.name })
    .from(districts)
    .orderBy(asc(districts.sortOrder), asc(districts.code));
}

/**
 * The district of ?district= for this user: one of the province's districts, chosen by a province-level
 * user; anything else (a district user's parameter, an unknown id) is ignored and reads as the user's
 * own scope. `options` is what the picker offers: empty when there is nothing to choose.
 */
export async function resolveDistrict(
  user: Pick<CurrentUser, "provinceWide">,
  raw: unknown,
): Promise<{ district?: string; options: DistrictOption[] }> {
  const options = await districtOptions(user);
  const asked = districtParamSchema.parse(raw);
  return {
    district: asked && options.some((d) => d.id === asked) ? asked : undefined,
    options: options.length > 1 ? options : [],
  };
}

/**
 * A list page's or export's reader: the user narrowed to ?district= when a province-level user picked
 * one (inDistrict), so every district-scoped query of the list, its counts and its export narrows in
 * SQL; the user unchanged otherwise. `options` as in resolveDistrict.
 */
export async function districtReader<U extends Pick<CurrentUser, "districtId" | "provinceWide">>(
  user: U,
  raw: unknown,
): Promise<{ reader: U; district?: string; options: DistrictOption[] }> {
  const { district, options } = await resolveDistrict(user, raw);
  return { reader: inDistrict(user, district), district, options };
}
