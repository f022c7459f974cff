import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { AUDIT_ACTIONS } from "@/server/audit";
import { AUDIT_RESULTS } from "@/server/schema/enums";
import { actionLabel } from "../labels";

export type AuditFilterValues = Partial<
  Record<"user" | "action" | "result" | "from" | "to" | "entity", string>
>;

/** The log's filters as a GET form: each filtered view is a URL the auditor can keep or send on. */
export function AuditFilters({
  values,
  errors,
}: {
  values: AuditFilterValues;
  errors: Record<string, string>;
}) {
  const t = useTranslations("audit");
  const te = useTranslations("enums");
  return (
    <form
      method="get"
      action="/audit"
      aria-label={t("filtersLabel")}
      className="mb-4 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-6"
      noValidate
    >
      <Field id="f-user" label={t("user")}>
        <input
          id="f-user"
          name="user"
          type="search"
          defaultValue={values.user ?? ""}
          placeholder={t("userPlaceholder")}
          className={inputClass}
        />
      </Field>
      <Field id="f-action" label={t("action")}>
        <select id="f-action" name="action" defaultValue={values.action ?? ""} className={inputClass}>
          <option value="">{t("allActions")}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {actionLabel(t, a)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="f-result" label={t("result")}>
        <select id="f-result" name="result" defaultValue={values.result ?? ""} className={inputClass}>
          <option value="">{t("allResults")}</option>
          {AUDIT_RESULTS.map((r) => (
            <option key={r} value={r}>
              {te(`auditResult.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="f-from" label={t("from")} error={errors.from}>
        <input
          {...fieldA11y("f-from", errors.from)}
          name="from"
          type="date"
          defaultValue={values.from ?? ""}
          className={inputClass}
        />
      </Field>
      <Field id="f-to" label={t("to")} error={errors.to}>
        <input
          {...fieldA11y("f-to", errors.to)}
          name="to"
          type="date"
          defaultValue={values.to ?? ""}
          className={inputClass}
        />
      </Field>
      <Field id="f-entity" label={t("entity")}>
        <input
          id="f-entity"
          name="entity"
          type="search"
          defaultValue={values.entity ?? ""}
          placeholder={t("entityPlaceholder")}
          spellCheck={false}
          className={`${inputClass} font-mono`}
        />
      </Field>
      <div className="flex items-end justify-end gap-2 sm:col-span-2 lg:col-span-6">
        <ButtonLink href="/audit" variant="secondary">
          {t("reset")}
        </ButtonLink>
        <Button type="submit">{t("apply")}</Button>
      </div>
    </form>
  );
}
