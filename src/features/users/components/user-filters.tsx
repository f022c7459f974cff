import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ORG_KINDS, ROLES } from "@/server/schema/enums";
import type { UserFilter } from "../schemas";
import { OrgSelect, type LabelledOrgGroup } from "./org-select";

const label = "mb-1 block text-xs font-medium text-slate-600";

/** The list's filters as a plain GET form: every filtered view is a URL, and it works without script. */
export function UserFilters({ filter, orgGroups }: { filter: UserFilter; orgGroups: LabelledOrgGroup[] }) {
  const t = useTranslations("admin.users");
  const te = useTranslations("enums");
  return (
    <form
      method="get"
      action="/admin/users"
      aria-label={t("filtersLabel")}
      className="mb-4 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-2 md:grid-cols-3 lg:grid-cols-6"
    >
      <div className="sm:col-span-2 md:col-span-3 lg:col-span-2">
        <label htmlFor="f-q" className={label}>
          {t("search")}
        </label>
        <input
          id="f-q"
          name="q"
          type="search"
          defaultValue={filter.q}
          placeholder={t("searchPlaceholder")}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="f-role" className={label}>
          {t("role")}
        </label>
        <select id="f-role" name="role" defaultValue={filter.role ?? ""} className={inputClass}>
          <option value="">{t("allRoles")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {te(`role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-kind" className={label}>
          {t("orgKind")}
        </label>
        <select id="f-kind" name="kind" defaultValue={filter.kind ?? ""} className={inputClass}>
          <option value="">{t("allOrgKinds")}</option>
          {ORG_KINDS.map((k) => (
            <option key={k} value={k}>
              {te(`orgKind.${k}`)}
            </option>
          ))}
          <option value="NONE">{t("noOrgKind")}</option>
        </select>
      </div>
      <div>
        <label htmlFor="f-org" className={label}>
          {t("org")}
        </label>
        <OrgSelect
          id="f-org"
          name="org"
          groups={orgGroups}
          emptyLabel={t("allOrgs")}
          defaultValue={filter.org ?? ""}
        />
      </div>
      <div>
        <label htmlFor="f-status" className={label}>
          {t("status")}
        </label>
        <select id="f-status" name="status" defaultValue={filter.status ?? ""} className={inputClass}>
          <option value="">{t("allStatuses")}</option>
          <option value="active">{t("state.active")}</option>
          <option value="disabled">{t("state.disabled")}</option>
        </select>
      </div>
      <div className="flex items-end justify-end gap-2 sm:col-span-1 md:col-span-2 lg:col-span-6">
        <ButtonLink href="/admin/users" variant="secondary">
          {t("reset")}
        </ButtonLink>
        <Button type="submit">{t("apply")}</Button>
      </div>
    </form>
  );
}
