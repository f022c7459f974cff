import { z } from "zod";

/**
 * ?district=<id>: the district a province-level user looks at. A missing, repeated or malformed value
 * means the whole province, so an edited or stale link still opens.
 */
export const districtParamSchema = z
  .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.guid().optional())
  .catch(undefined);

export type DistrictOption = { id: string; name: string };

/** A province-level user's dashboard: the district picked (none: the whole province) and the choices. */
export type DistrictView = { selected?: string; options: DistrictOption[] };
