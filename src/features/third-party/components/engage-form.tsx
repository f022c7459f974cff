"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { text, useFormAction } from "@/components/hooks/use-form-action";
import { engageAgencyAction } from "../actions";

type Agency = { id: string; name: string; districtId: string | null; refusals: string[] };
type ProjectChoice = {
  id: string;
  code: string;
  name: string;
  departmentName: string;
  districtId: string | null;
  budgetWan: string;
};
type FieldChoice = { id: string; year: number; name: string; districtId: string | null };

/**
 * 委托第三方机构: the subject (a project found above, or a department-wide evaluation awaiting its
 * field work), the agency, fee in 万元, deadline and scope. A refused agency's reasons show under
 * its field. The agencies offered are the subject's district's and the province's shared library (a
 * province-level administrator is given every district's: those of the chosen subject's stay).
 */
export function EngageForm({
  agencies,
  projects,
  fieldEvaluations,
  defaultDeadline,
  initialTarget,
}: {
  agencies: Agency[];
  projects: ProjectChoice[];
  fieldEvaluations: FieldChoice[];
  defaultDeadline: string;
  initialTarget: "PROJECT" | "DEPT_OVERALL";
}) {
  const t = useTranslations("thirdParty.engage");
  const tr = useTranslations("agencies.eligibility");
  const f = useFormAction(engageAgencyAction);
  const v = f.values ?? {};
  const [target, setTarget] = useState<"PROJECT" | "DEPT_OVERALL">(
    (text(v.target) as "PROJECT" | "DEPT_OVERALL") || initialTarget,
  );
  const e = f.errors;
  const [projectId, setProjectId] = useState(
    text(v.projectId) || (projects.length === 1 ? projects[0]!.id : ""),
  );
  const [evaluationId, setEvaluationId] = useState(text(v.evaluationId));
  const subject =
    target === "PROJECT"
      ? projects.find((p) => p.id === projectId)
      : fieldEvaluations.find((x) => x.id === evaluationId);
  const offered = subject
    ? agencies.filter((a) => a.districtId === null || a.districtId === subject.districtId)
    : agencies;
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-5" aria-label={t("formLabel")}>
      {f.message && <Alert tone="error">{f.message}</Alert>}
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("target")}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(["PROJECT", "DEPT_OVERALL"] as const).map((k) => (
            <label key={k} className="inline-flex items-center gap-2">
              <input
                type="radio"
                name="target"
                value={k}
                checked={target === k}
                onChange={() => setTarget(k)}
              />
              {t(`targetKind.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {target === "PROJECT" ? (
        <fieldset aria-describedby={e.projectId ? "engage-project-error" : undefined}>
          <legend className="mb-2 text-sm font-medium text-slate-700">
            {t("project")}
            <span className="ml-0.5 text-red-600" aria-hidden="true">
              *
            </span>
          </legend>
          {projects.length === 0 ? (
            <p className="text-sm text-slate-500">{t("noProjects")}</p>
          ) : (
            <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
              {projects.map((p) => (
                <li key={p.id}>
                  <label className="flex cursor-pointer items-start gap-3 px-3 py-2 text-sm hover:bg-slate-50">
                    <input
                      type="radio"
                      name="projectId"
                      value={p.id}
                      checked={projectId === p.id}
                      onChange={() => setProjectId(p.id)}
                      className="mt-1"
                    />
                    <span className="min-w-0 flex-1">
                      <span className="block font-medium text-slate-800">{p.name}</span>
                      <span className="block text-xs text-slate-500">
                        {p.code} · {p.departmentName}
                      </span>
                    </span>
                    <span className="num text-xs whitespace-nowrap text-slate-600">
                      {t("budgetWan", { amount: p.budgetWan })}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {e.projectId && (
            <p id="engage-project-error" role="alert" className="mt-1 text-xs text-red-600">
              {e.projectId.join("；")}
            </p>
          )}
        </fieldset>
      ) : (
        <Field id="engage-evaluation" label={t("fieldEvaluation")} error={e.evaluationId} required>
          <select
            {...fieldA11y("engage-evaluation", e.evaluationId)}
            name="evaluationId"
            value={evaluationId}
            onChange={(ev) => setEvaluationId(ev.target.value)}
            className={inputClass}
          >
            <option value="">{t("choose")}</option>
            {fieldEvaluations.map((x) => (
              <option key={x.id} value={x.id}>
                {t("fieldEvaluationOption", { year: x.year, name: x.name })}
              </option>
            ))}
          </select>
        </Field>
      )}

      <div className="grid gap-4 md:grid-cols-2">
        <Field id="engage-agency" label={t("agency")} error={e.agencyId} hint={t("agencyHint")} required>
          <select
            {...fieldA11y("engage-agency", e.agencyId)}
            name="agencyId"
            defaultValue={text(v.agencyId)}
            className={inputClass}
          >
            <option value="">{t("choose")}</option>
            {offered.map((a) => (
              <option key={a.id} value={a.id}>
                {a.refusals.length
                  ? t("agencyRefused", { name: a.name, reasons: a.refusals.map((r) => tr(r)).join("、") })
                  : a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="engage-fee" label={t("fee")} error={e.fee} required>
          <input
            {...fieldA11y("engage-fee", e.fee)}
            name="fee"
            inputMode="decimal"
            defaultValue={text(v.fee)}
            className={`${inputClass} num`}
          />
        </Field>
        <Field id="engage-deadline" label={t("deadline")} error={e.deadline} required>
          <input
            {...fieldA11y("engage-deadline", e.deadline)}
            type="date"
            name="deadline"
            defaultValue={text(v.deadline) || defaultDeadline}
            className={inputClass}
          />
        </Field>
      </div>
      <Field id="engage-scope" label={t("scope")} error={e.scope} hint={t("scopeHint")} required>
        <textarea
          {...fieldA11y("engage-scope", e.scope)}
          name="scope"
          rows={4}
          maxLength={2000}
          defaultValue={text(v.scope)}
          className={inputClass}
        />
      </Field>
      <Button type="submit" disabled={f.pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
