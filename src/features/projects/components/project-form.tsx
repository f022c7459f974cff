"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { PROJECT_DURATIONS, PROJECT_KINDS, PROJECT_NOVELTIES, SPECIAL_AREAS } from "@/server/schema/enums";
import { createProjectAction, updateProjectAction, type ProjectFormState } from "../actions";

export type ProjectFormValues = Record<string, string | undefined>;

type Props = {
  /** What the form shows first: the project's values, or defaults for a new one. */
  initial: ProjectFormValues;
  cancelHref: string;
} & (
  | { mode: "create"; years: number[]; unitName: string; departmentName: string | null }
  | { mode: "edit"; id: string; version: number; code: string; year: number }
);

const FIELD_ORDER = [
  "year",
  "name",
  "kind",
  "novelty",
  "duration",
  "specialArea",
  "requestedAmount",
  "description",
];

export function ProjectForm(props: Props) {
  const t = useTranslations("projects");
  const te = useTranslations("enums");
  const tc = useTranslations("common");
  const action = props.mode === "create" ? createProjectAction : updateProjectAction;
  const [state, formAction, pending] = useActionState<ProjectFormState, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);

  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  // After a failed submit the form shows what was sent, not the original values.
  const values = (failed?.values as ProjectFormValues | undefined) ?? props.initial;
  const value = (name: string) => values[name] ?? "";

  // Take the keyboard to the first field in error, so the message under it is read out.
  useEffect(() => {
    const first = FIELD_ORDER.find((f) => errors[f]?.length);
    if (first) formRef.current?.querySelector<HTMLElement>(`#${first}`)?.focus();
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps

  const select = (name: string, options: readonly string[], labelOf: (o: string) => string) => (
    <select {...fieldA11y(name, errors[name])} name={name} defaultValue={value(name)} className={inputClass}>
      <option value="">{t("form.choose")}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {labelOf(o)}
        </option>
      ))}
    </select>
  );

  return (
    <form
      ref={formRef}
      action={formAction}
      // Submitting from a handler keeps what the user typed on the page (a form action resets it);
      // without JavaScript the form still posts to the action.
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
      noValidate
      className="space-y-5"
    >
      {failed && (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-700"
        >
          {failed.message}
        </div>
      )}
      {props.mode === "edit" && (
        <>
          <input type="hidden" name="id" value={props.id} />
          <input type="hidden" name="version" value={props.version} />
        </>
      )}
      <Card title={t("form.basicSection")}>
        <div className="grid grid-cols-1 gap-x-6 gap-y-5 md:grid-cols-2">
          {props.mode === "create" ? (
            <>
              <Field
                id="year"
                label={t("fields.year")}
                error={errors.year}
                hint={t("form.yearHint")}
                required
              >
                {select("year", props.years.map(String), (y) => y)}
              </Field>
              <div>
                <div className="mb-1 text-sm font-medium text-slate-700">{t("form.filingUnit")}</div>
                <div className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200 ring-inset">
                  {props.unitName}
                  {props.departmentName && props.departmentName !== props.unitName && (
                    <span className="text-slate-500"> · {props.departmentName}</span>
                  )}
                </div>
                <p className="mt-1 text-xs text-slate-500">{t("form.codeHint")}</p>
              </div>
            </>
          ) : (
            <>
              <div>
                <div className="mb-1 text-sm font-medium text-slate-700">{t("fields.code")}</div>
                <div className="num rounded-md bg-slate-50 px-3 py-2 text-sm ring-1 ring-slate-200 ring-inset">
                  {props.code}
                </div>
              </div>
              <div>
                <div className="mb-1 text-sm font-medium text-slate-700">{t("fields.year")}</div>
                <div className="num rounded-md bg-slate-50 px-3 py-2 text-sm ring-1 ring-slate-200 ring-inset">
                  {props.year}
                </div>
              </div>
            </>
          )}
          <div className="md:col-span-2">
            <Field id="name" label={t("fields.name")} error={errors.name} required>
              <input
                {...fieldA11y("name", errors.name)}
                name="name"
                defaultValue={value("name")}
                maxLength={200}
                placeholder={t("form.namePlaceholder")}
                className={inputClass}
              />
            </Field>
          </div>
          <Field id="kind" label={t("fields.kind")} error={errors.kind} required>
            {select("kind", PROJECT_KINDS, (k) => te(`projectKind.${k}`))}
          </Field>
          <Field id="novelty" label={t("fields.novelty")} error={errors.novelty} required>
            {select("novelty", PROJECT_NOVELTIES, (k) => te(`novelty.${k}`))}
          </Field>
          <Field id="duration" label={t("fields.duration")} error={errors.duration} required>
            {select("duration", PROJECT_DURATIONS, (k) => te(`duration.${k}`))}
          </Field>
          <Field id="specialArea" label={t("fields.specialArea")} error={errors.specialArea} required>
            {select("specialArea", SPECIAL_AREAS, (k) => te(`specialArea.${k}`))}
          </Field>
          <div className="md:col-span-2">
            <label className="inline-flex items-start gap-2.5">
              <input
                type="checkbox"
                name="isMajor"
                defaultChecked={value("isMajor") === "on"}
                aria-describedby="isMajor-hint"
                className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-600"
              />
              <span>
                <span className="block text-sm font-medium text-slate-700">{t("form.majorLabel")}</span>
                <span id="isMajor-hint" className="block text-xs text-slate-500">
                  {t("form.majorHint")}
                </span>
              </span>
            </label>
          </div>
        </div>
      </Card>
      <Card title={t("form.amountSection")}>
        <div className="grid grid-cols-1 gap-x-6 gap-y-5 md:grid-cols-2">
          <Field
            id="requestedAmount"
            label={t("withUnit", { label: t("fields.requestedAmount"), unit: tc("unitYuan") })}
            error={errors.requestedAmount}
            hint={t("form.amountHint")}
            required
          >
            <input
              {...fieldA11y("requestedAmount", errors.requestedAmount)}
              name="requestedAmount"
              inputMode="decimal"
              autoComplete="off"
              defaultValue={value("requestedAmount")}
              placeholder="0.00"
              className={`${inputClass} num text-right`}
            />
          </Field>
          <div className="md:col-span-2">
            <Field
              id="description"
              label={t("fields.description")}
              error={errors.description}
              hint={t("form.descriptionHint")}
            >
              <textarea
                {...fieldA11y("description", errors.description)}
                name="description"
                rows={5}
                maxLength={2000}
                defaultValue={value("description")}
                className={inputClass}
              />
            </Field>
          </div>
        </div>
      </Card>
      <div className="flex items-center justify-end gap-3">
        <ButtonLink href={props.cancelHref} variant="secondary">
          {tc("cancel")}
        </ButtonLink>
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          {pending ? t("form.saving") : t("form.save")}
        </Button>
      </div>
    </form>
  );
}
