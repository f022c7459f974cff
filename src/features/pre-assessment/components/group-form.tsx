"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { inUnit } from "@/domain/money";
import { createExpertGroupAction } from "../actions";
import { useFormAction } from "./use-form-action";

type Props = {
  year: number;
  experts: { id: string; name: string; username: string }[];
  candidates: { projectId: string; code: string; name: string; requestedAmount: string }[];
};

const asList = (v: unknown) => (v === undefined ? [] : ([] as string[]).concat(v as string));

/** Finance forms a group: a name, the experts (one of them the lead) and the projects to re-evaluate. */
export function GroupForm({ year, experts, candidates }: Props) {
  const t = useTranslations("preAssessment.groups");
  const tc = useTranslations("common");
  const f = useFormAction(createExpertGroupAction);
  const chosenExperts = asList(f.values?.expertIds);
  const chosenProjects = asList(f.values?.projectIds);
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-4" aria-label={t("formTitle")}>
      <input type="hidden" name="year" value={year} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      {f.ok && <Alert tone="success">{t("created")}</Alert>}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Field id="name" label={t("name")} error={f.errors.name} required>
          <input
            {...fieldA11y("name", f.errors.name)}
            name="name"
            defaultValue={f.values?.name ?? ""}
            className={inputClass}
          />
        </Field>
        <Field id="leadExpertId" label={t("lead")} error={f.errors.leadExpertId} required>
          <select
            {...fieldA11y("leadExpertId", f.errors.leadExpertId)}
            name="leadExpertId"
            defaultValue={f.values?.leadExpertId ?? ""}
            className={inputClass}
          >
            <option value="" />
            {experts.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}（{e.username}）
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset aria-describedby={f.errors.expertIds ? "expertIds-error" : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("experts")}</legend>
        <div className="grid grid-cols-2 gap-2 md:grid-cols-3">
          {experts.map((e) => (
            <label key={e.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="expertIds"
                value={e.id}
                defaultChecked={chosenExperts.includes(e.id)}
              />
              {e.name}（{e.username}）
            </label>
          ))}
        </div>
        {f.errors.expertIds && (
          <p id="expertIds-error" role="alert" className="mt-1 text-xs text-red-600">
            {f.errors.expertIds.join("；")}
          </p>
        )}
      </fieldset>
      <fieldset aria-describedby={f.errors.projectIds ? "projectIds-error" : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("projects")}</legend>
        {candidates.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noCandidates")}</p>
        ) : (
          <div className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
            {candidates.map((p) => (
              <label key={p.projectId} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="projectIds"
                  value={p.projectId}
                  defaultChecked={chosenProjects.includes(p.projectId)}
                />
                <span className="num text-slate-500">{p.code}</span>
                <span>{p.name}</span>
                <span className="num ml-auto text-slate-600">
                  {inUnit(p.requestedAmount, "wan", 2)} {tc("unitWan")}
                </span>
              </label>
            ))}
          </div>
        )}
        {f.errors.projectIds && (
          <p id="projectIds-error" role="alert" className="mt-1 text-xs text-red-600">
            {f.errors.projectIds.join("；")}
          </p>
        )}
      </fieldset>
      <Button type="submit" disabled={f.pending}>
        {t("create")}
      </Button>
    </form>
  );
}
