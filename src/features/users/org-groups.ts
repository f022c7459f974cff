import "server-only";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/server/session";
import type { LabelledOrgGroup } from "./components/org-select";
import { listOrganisationOptions } from "./queries";

/** The organisation picker's groups with their kinds' labels. Null for anyone but a system administrator. */
export async function labelledOrgGroups(user: CurrentUser): Promise<LabelledOrgGroup[] | null> {
  const [groups, te] = await Promise.all([listOrganisationOptions(user), getTranslations("enums")]);
  return groups?.map((g) => ({ ...g, label: te(`orgKind.${g.kind}`) })) ?? null;
}
