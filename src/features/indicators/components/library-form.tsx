"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { submitWithoutReset } from "@/features/targets/components/submit-without-reset";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { LEVEL1, LEVEL2_BY_LEVEL1, OPERATORS, type Level1 } from "@/features/targets/levels";
import { saveLibraryIndicatorAction, type LibraryFormState } from "../actions";

export type LibraryFormValues = {
  id?: string;
  version: number;
  sector: string;
  level1: Level1;
  level2: string;
  name: string;
  operator: string;
  unit: string;
  targetHint: string;
  description: string;
  active: boolean;
};

/** Create or edit a library entry; the level-2 choices follow the level-1. */
export function LibraryForm({ initial, sectors }: { initial: LibraryFormValues; sectors: string[] }) {
  const t = useTranslations("indicators");
  const tt = useTranslations("targets");
  const [state, formAction, pending] = useActionState<LibraryFormState, FormData>(
    saveLibraryIndicatorAction,
    null,
  );
  const kept = (state && !state.ok ? state.values : undefined) as Record<string, string> | undefined;
  const v = (k: keyof LibraryFormValues) => String(kept?.[k] ?? initial[k] ?? "");
  const [level1, setLevel1] = useState<Level1>((kept?.level1 as Level1) ?? initial.level1);
  const err = (k: string) => (state && !state.ok ? state.fieldErrors?.[k] : undefined);
  return (
    <form onSubmit={submitWithoutReset(formAction)} className="max-w-3xl space-y-4" noValidate>
      <input type="hidden" name="id" value={initial.id ?? ""} />
      <input type="hidden" name="version" value={initial.version} />
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="sector" label={t("field.sector")} error={err("sector")} required>
          <select
            {...fieldA11y("sector", err("sector"))}
            name="sector"
            defaultValue={v("sector")}
            className={inputClass}
          >
            {sectors.map((s) => (
              <option key={s} value={s}>
                {t(`sector.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="level1" label={t("field.level1")} error={err("level1")} required>
          <select
            {...fieldA11y("level1", err("level1"))}
            name="level1"
            value={level1}
            onChange={(e) => setLevel1(e.target.value as Level1)}
            className={inputClass}
          >
            {LEVEL1.map((l) => (
              <option key={l} value={l}>
                {tt(`level1.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="level2" label={t("field.level2")} error={err("level2")} required>
          <select
            {...fieldA11y("level2", err("level2"))}
            key={level1}
            name="level2"
            defaultValue={v("level2")}
            className={inputClass}
          >
            {LEVEL2_BY_LEVEL1[level1].map((l) => (
              <option key={l} value={l}>
                {tt(`level2.${l}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="name" label={t("field.name")} error={err("name")} required>
        <input
          {...fieldA11y("name", err("name"))}
          name="name"
          defaultValue={v("name")}
          maxLength={200}
          className={inputClass}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="operator" label={t("field.operator")} error={err("operator")} required>
          <select
            {...fieldA11y("operator", err("operator"))}
            name="operator"
            defaultValue={v("operator")}
            className={inputClass}
          >
            {OPERATORS.map((o) => (
              <option key={o} value={o}>
                {tt(`operator.${o}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="unit" label={t("field.unit")} error={err("unit")}>
          <input
            {...fieldA11y("unit", err("unit"))}
            name="unit"
            defaultValue={v("unit")}
            maxLength={30}
            className={inputClass}
          />
        </Field>
        <Field id="targetHint" label={t("field.targetHint")} error={err("targetHint")}>
          <input
            {...fieldA11y("targetHint", err("targetHint"))}
            name="targetHint"
            defaultValue={v("targetHint")}
            maxLength={200}
            className={inputClass}
          />
        </Field>
      </div>
      <Field id="description" label={t("field.description")} error={err("description")}>
        <textarea
          {...fieldA11y("description", err("description"))}
          name="description"
          rows={3}
          defaultValue={v("description")}
          className={inputClass}
        />
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="active"
          defaultChecked={kept ? kept.active === "on" : initial.active}
          className="h-4 w-4 rounded border-slate-300"
        />
        {t("field.active")}
      </label>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <ButtonLink href="/indicators" variant="secondary">
          {t("cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}
