"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { openDeptOverallAction, openTownshipAction, type OpenState } from "../actions";
import { BASE_PATH, type OverallType } from "../flow";

/** 开展评价: finance picks the department (or township) and the year; one per subject and year. */
export function OpenOverallForm({
  type,
  years,
  orgs,
}: {
  type: OverallType;
  years: number[];
  orgs: { id: string; name: string }[];
}) {
  const ns = type === "DEPT_OVERALL" ? "dept" : "township";
  const t = useTranslations(`overallEvaluation.${ns}.open`);
  const tc = useTranslations("overallEvaluation.open");
  const [state, formAction, pending] = useActionState<OpenState, FormData>(
    type === "DEPT_OVERALL" ? openDeptOverallAction : openTownshipAction,
    null,
  );
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const kept = state && !state.ok ? (state.values ?? {}) : {};
  const first = years[0] ?? new Date().getFullYear();
  return (
    <Card title={t("title")}>
      <form
        action={formAction}
        className="grid items-start gap-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto]"
      >
        {state && !state.ok && (
          <Alert tone="error" className="sm:col-span-2 lg:col-span-4">
            {state.message}
          </Alert>
        )}
        {state?.ok && (
          <Alert tone="success" className="sm:col-span-2 lg:col-span-4">
            {tc("done", { org: state.data.orgName, year: state.data.year })}{" "}
            <Link href={`${BASE_PATH[type]}/${state.data.id}`} className="font-medium underline">
              {tc("openIt")}
            </Link>
          </Alert>
        )}
        <Field id="open-org" label={t("org")} error={errors.orgId} required>
          <select
            {...fieldA11y("open-org", errors.orgId)}
            name="orgId"
            className={inputClass}
            defaultValue={String(kept.orgId ?? "")}
            key={`org-${String(kept.orgId ?? "")}`}
          >
            <option value="">{t("pick")}</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="open-year" label={tc("year")} error={errors.year} required>
          <select
            {...fieldA11y("open-year", errors.year)}
            name="year"
            className={inputClass}
            defaultValue={String(kept.year ?? first)}
            key={`year-${String(kept.year ?? first)}`}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <Field id="open-due" label={tc("dueDate")} error={errors.dueDate} required>
          <input
            {...fieldA11y("open-due", errors.dueDate)}
            type="date"
            name="dueDate"
            className={inputClass}
            defaultValue={String(kept.dueDate ?? `${first + 1}-05-31`)}
          />
        </Field>
        <div className="pt-6">
          <Button type="submit" disabled={pending}>
            {pending ? tc("working") : tc("submit")}
          </Button>
        </div>
        <p className="text-xs text-slate-500 sm:col-span-2 lg:col-span-4">{t("hint")}</p>
      </form>
    </Card>
  );
}
