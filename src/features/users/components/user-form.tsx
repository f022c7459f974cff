"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/server/action-client";
import type { Role } from "@/server/schema/enums";
import { createUserAction, updateUserAction } from "../actions";
import { ROLE_ORG_RULES } from "../rules";
import { OrgSelect, type LabelledOrgGroup } from "./org-select";

type Initial = {
  id?: string;
  username?: string;
  displayName?: string;
  role?: Role;
  orgId?: string | null;
  version?: string;
};
type State = ActionResult<unknown> | null;

/** Create a user (username, name, role, organisation, initial password) or edit one (name, role, organisation). */
export function UserForm({
  mode,
  initial = {},
  roles,
  orgGroups,
  self = false,
}: {
  mode: "create" | "edit";
  initial?: Initial;
  /** ROLES, passed in so the browser bundle does not pull in the database schema module. */
  roles: readonly Role[];
  orgGroups: LabelledOrgGroup[];
  /** Editing one's own account: the role is fixed. */
  self?: boolean;
}) {
  const t = useTranslations("admin.form");
  const td = useTranslations("admin.detail");
  const te = useTranslations("enums");
  const [state, action, pending] = useActionState<State, FormData>(
    mode === "create" ? createUserAction : updateUserAction,
    null,
  );
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  // After a failed submit React resets the form; what was typed comes back as the new defaults.
  const values = { ...initial, ...(failed?.values as Partial<Record<keyof Initial, string>> | undefined) };
  const [role, setRole] = useState<string>(values.role ?? "");

  const rule = ROLE_ORG_RULES[role as Role];
  const kindNames =
    rule && rule.kinds !== "any" ? rule.kinds.map((k) => te(`orgKind.${k}`)).join(t("listSeparator")) : "";
  const orgHint = !rule
    ? t("orgHintChooseRole")
    : rule.kinds === "any"
      ? t("orgHintAny")
      : rule.orgRequired
        ? t("orgHint", { kinds: kindNames })
        : t("orgHintNone", { kinds: kindNames });

  const saved = state?.ok
    ? (state.data as { changed?: boolean; sessionsEnded?: boolean } | undefined)
    : undefined;

  return (
    <form
      action={action}
      className="space-y-4"
      noValidate
      key={failed ? JSON.stringify(failed.values) : "form"}
    >
      {failed && <Alert tone="error">{failed.message}</Alert>}
      {saved && (
        <Alert tone="success">
          {!saved.changed ? td("unchanged") : saved.sessionsEnded ? td("savedSessionsEnded") : td("saved")}
        </Alert>
      )}
      {mode === "edit" && (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      )}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {mode === "create" ? (
          <Field
            id="username"
            label={t("username")}
            error={errors.username}
            hint={t("usernameHint")}
            required
          >
            <input
              {...fieldA11y("username", errors.username)}
              name="username"
              defaultValue={values.username ?? ""}
              autoComplete="off"
              spellCheck={false}
              maxLength={32}
              className={`${inputClass} font-mono`}
            />
          </Field>
        ) : (
          <Field id="username" label={t("username")}>
            <input
              id="username"
              value={initial.username}
              readOnly
              disabled
              className={`${inputClass} font-mono`}
            />
          </Field>
        )}
        <Field id="displayName" label={t("displayName")} error={errors.displayName} required>
          <input
            {...fieldA11y("displayName", errors.displayName)}
            name="displayName"
            defaultValue={values.displayName ?? ""}
            autoComplete="off"
            maxLength={64}
            className={inputClass}
          />
        </Field>
        <Field id="role" label={t("role")} error={errors.role} required>
          <select
            {...fieldA11y("role", errors.role)}
            name="role"
            defaultValue={values.role ?? ""}
            onChange={(e) => setRole(e.target.value)}
            disabled={self}
            className={inputClass}
          >
            <option value="" disabled>
              {t("chooseRole")}
            </option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {te(`role.${r}`)}
              </option>
            ))}
          </select>
          {/* A disabled select posts nothing: send the unchanged role alongside. */}
          {self && <input type="hidden" name="role" value={initial.role} />}
        </Field>
        <Field id="orgId" label={t("org")} error={errors.orgId} hint={orgHint}>
          <OrgSelect
            {...fieldA11y("orgId", errors.orgId)}
            aria-describedby={errors.orgId ? "orgId-error" : "orgId-hint"}
            name="orgId"
            groups={orgGroups}
            emptyLabel={t("orgNone")}
            defaultValue={values.orgId ?? ""}
          />
        </Field>
        {mode === "create" && (
          <div className="md:col-span-2">
            <Field
              id="password"
              label={t("password")}
              error={errors.password}
              hint={t("passwordHint")}
              required
            >
              <input
                {...fieldA11y("password", errors.password)}
                name="password"
                type="password"
                autoComplete="new-password"
                maxLength={128}
                className={`${inputClass} md:max-w-[calc(50%-0.5rem)]`}
              />
            </Field>
          </div>
        )}
      </div>
      <div className="flex items-center justify-end gap-2 border-t border-slate-100 pt-4">
        {mode === "create" && (
          <ButtonLink href="/admin/users" variant="secondary">
            {t("cancel")}
          </ButtonLink>
        )}
        <Button type="submit" disabled={pending}>
          {mode === "create" ? (pending ? t("creating") : t("create")) : pending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
