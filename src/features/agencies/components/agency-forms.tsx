"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { AGENCY_TYPES } from "@/server/schema/enums";
import { AGENCY_STATUSES, type AgencyStatus } from "@/server/schema/agencies";
import {
  addStaffAction,
  createAgencyAction,
  declareConflictAction,
  recordViolationAction,
  removeStaffAction,
  setStatusAction,
  updateProfileAction,
  type AgencyFormState,
} from "../actions";

type Profile = {
  creditCode: string;
  qualifications: string;
  contactName: string;
  contactPhone: string;
  address: string;
};

const kept = (state: AgencyFormState, name: string, fallback = "") =>
  state && !state.ok && state.values && name in state.values ? String(state.values[name] ?? "") : fallback;

function ProfileFields({ state, profile }: { state: AgencyFormState; profile?: Profile }) {
  const t = useTranslations("agencies.field");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const input = (name: keyof Profile, extra: Record<string, unknown> = {}) => (
    <Field id={`agency-${name}`} label={t(name)} error={errors[name]}>
      <input
        {...fieldA11y(`agency-${name}`, errors[name])}
        name={name}
        className={inputClass}
        defaultValue={kept(state, name, profile?.[name] ?? "")}
        key={kept(state, name, profile?.[name] ?? "")}
        {...extra}
      />
    </Field>
  );
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        {input("creditCode", { maxLength: 18, autoComplete: "off" })}
        {input("contactName")}
        {input("contactPhone", { inputMode: "tel" })}
        {input("address")}
      </div>
      <Field
        id="agency-qualifications"
        label={t("qualifications")}
        hint={t("qualificationsHint")}
        error={errors.qualifications}
      >
        <textarea
          {...fieldA11y("agency-qualifications", errors.qualifications)}
          name="qualifications"
          rows={3}
          className={inputClass}
          defaultValue={kept(state, "qualifications", profile?.qualifications ?? "")}
        />
      </Field>
    </>
  );
}

export function CreateAgencyForm() {
  const t = useTranslations("agencies");
  const te = useTranslations("enums.agencyType");
  const [state, action, pending] = useActionState<AgencyFormState, FormData>(createAgencyAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="max-w-3xl space-y-4" noValidate>
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="agency-name" label={t("field.name")} error={errors.name} required>
          <input
            {...fieldA11y("agency-name", errors.name)}
            name="name"
            className={inputClass}
            defaultValue={kept(state, "name")}
          />
        </Field>
        <Field id="agency-type" label={t("field.type")} error={errors.agencyType} required>
          <select
            {...fieldA11y("agency-type", errors.agencyType)}
            name="agencyType"
            className={inputClass}
            defaultValue={kept(state, "agencyType", "ACCOUNTING_FIRM")}
          >
            {AGENCY_TYPES.map((a) => (
              <option key={a} value={a}>
                {te(a)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ProfileFields state={state} />
      <Button type="submit" disabled={pending}>
        {t("create.submit")}
      </Button>
    </form>
  );
}

export function ProfileForm({
  agencyId,
  version,
  profile,
}: {
  agencyId: string;
  version: number;
  profile: Profile;
}) {
  const t = useTranslations("agencies");
  const [state, action, pending] = useActionState<AgencyFormState, FormData>(updateProfileAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="agencyId" value={agencyId} />
      <input type="hidden" name="version" value={version} />
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      {state?.ok && <Alert tone="success">{t("profile.saved")}</Alert>}
      <ProfileFields state={state} profile={profile} />
      <Button type="submit" disabled={pending}>
        {t("profile.save")}
      </Button>
    </form>
  );
}

export function StatusForm({
  agencyId,
  version,
  status,
}: {
  agencyId: string;
  version: number;
  status: AgencyStatus;
}) {
  const t = useTranslations("agencies");
  const [state, action, pending] = useActionState<AgencyFormState, FormData>(setStatusAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="agencyId" value={agencyId} />
      <input type="hidden" name="version" value={version} />
      {state && !state.ok && !errors.reason && <Alert tone="error">{state.message}</Alert>}
      {state?.ok && <Alert tone="success">{t("statusForm.saved")}</Alert>}
      <Field id="status-value" label={t("statusForm.status")}>
        <select
          id="status-value"
          name="status"
          className={inputClass}
          defaultValue={kept(state, "status", status)}
          key={kept(state, "status", status)}
        >
          {AGENCY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="status-reason"
        label={t("statusForm.reason")}
        hint={t("statusForm.reasonHint")}
        error={errors.reason}
      >
        <textarea
          {...fieldA11y("status-reason", errors.reason)}
          name="reason"
          rows={2}
          className={inputClass}
          defaultValue={kept(state, "reason")}
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("statusForm.submit")}
      </Button>
    </form>
  );
}

export function StaffForm({ agencyId }: { agencyId: string }) {
  const t = useTranslations("agencies.staff");
  const [state, action, pending] = useActionState<AgencyFormState, FormData>(addStaffAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="grid items-end gap-3 sm:grid-cols-2" noValidate>
      <input type="hidden" name="agencyId" value={agencyId} />
      <Field id="staff-name" label={t("name")} error={errors.name} required>
        <input
          {...fieldA11y("staff-name", errors.name)}
          name="name"
          className={inputClass}
          defaultValue={kept(state, "name")}
        />
      </Field>
      <Field id="staff-title" label={t("title")} error={errors.title}>
        <input
          {...fieldA11y("staff-title", errors.title)}
          name="title"
          defaultValue={kept(state, "title")}
          className={inputClass}
          placeholder={t("titlePlaceholder")}
        />
      </Field>
      <Field id="staff-qualification" label={t("qualification")} error={errors.qualification}>
        <input
          {...fieldA11y("staff-qualification", errors.qualification)}
          name="qualification"
          defaultValue={kept(state, "qualification")}
          className={inputClass}
          placeholder={t("qualificationPlaceholder")}
        />
      </Field>
      <div>
        <Button type="submit" disabled={pending}>
          {t("add")}
        </Button>
      </div>
    </form>
  );
}

export function RemoveStaffButton({
  agencyId,
  staffId,
  name,
}: {
  agencyId: string;
  staffId: string;
  name: string;
}) {
  const t = useTranslations("agencies.staff");
  const [, action, pending] = useActionState<AgencyFormState, FormData>(removeStaffAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="agencyId" value={agencyId} />
      <input type="hidden" name="staffId" value={staffId} />
      <Button
        type="submit"
        variant="ghost"
        size="sm"
        disabled={pending}
        aria-label={t("removeLabel", { name })}
      >
        {t("remove")}
      </Button>
    </form>
  );
}

export function ViolationForm({ agencyId }: { agencyId: string }) {
  const t = useTranslations("agencies.violations");
  const [state, action, pending] = useActionState<AgencyFormState, FormData>(recordViolationAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="agencyId" value={agencyId} />
      {state?.ok && <Alert tone="success">{t("saved")}</Alert>}
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <Field id="violation-date" label={t("occurredOn")} error={errors.occurredOn} required>
          <input
            {...fieldA11y("violation-date", errors.occurredOn)}
            type="date"
            name="occurredOn"
            className={inputClass}
            defaultValue={kept(state, "occurredOn")}
          />
        </Field>
        <Field id="violation-penalty" label={t("penalty")} error={errors.penalty}>
          <input
            {...fieldA11y("violation-penalty", errors.penalty)}
            name="penalty"
            className={inputClass}
            defaultValue={kept(state, "penalty")}
            placeholder={t("penaltyPlaceholder")}
          />
        </Field>
      </div>
      <Field id="violation-description" label={t("description")} error={errors.description} required>
        <textarea
          {...fieldA11y("violation-description", errors.description)}
          name="description"
          rows={2}
          className={inputClass}
          defaultValue={kept(state, "description")}
        />
      </Field>
      <Button type="submit" variant="danger" disabled={pending}>
        {t("record")}
      </Button>
    </form>
  );
}

export function ConflictForm({
  agencyId,
  departments,
}: {
  agencyId: string;
  departments: { id: string; name: string }[];
}) {
  const t = useTranslations("agencies.conflicts");
  const [state, action, pending] = useActionState<AgencyFormState, FormData>(declareConflictAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="grid items-end gap-3" noValidate>
      <input type="hidden" name="agencyId" value={agencyId} />
      <Field id="conflict-department" label={t("department")} error={errors.departmentId} required>
        <select
          {...fieldA11y("conflict-department", errors.departmentId)}
          name="departmentId"
          className={inputClass}
          defaultValue=""
        >
          <option value="" disabled>
            {t("choose")}
          </option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="conflict-reason" label={t("reason")} error={errors.reason} required>
        <input
          {...fieldA11y("conflict-reason", errors.reason)}
          name="reason"
          className={inputClass}
          placeholder={t("reasonPlaceholder")}
        />
      </Field>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("declare")}
        </Button>
      </div>
    </form>
  );
}
