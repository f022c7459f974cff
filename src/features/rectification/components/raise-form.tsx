"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { text, useFormAction } from "@/components/hooks/use-form-action";
import { raiseItemAction } from "../actions";

type Props = {
  source: { findingId?: string; noticeId?: string; feedbackId?: string };
  problem: string;
  requirement: string;
  deadline: string;
  /** Projects to pick from (a feedback's sampled projects); one fixed project shows as text. */
  projects: { id: string; code: string; name: string }[];
  fixedProject: boolean;
  units: { id: string; name: string }[];
  unitId: string | null;
};

/** Finance raises an item: problem and requirement prefilled from the source, the deadline to set. */
export function RaiseForm(p: Props) {
  const t = useTranslations("rectification");
  const f = useFormAction(raiseItemAction);
  const v = (name: string, fallback: string) => (f.values ? text(f.values[name]) : fallback);
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-4" aria-label={t("newTitle")}>
      {p.source.findingId && <input type="hidden" name="findingId" value={p.source.findingId} />}
      {p.source.noticeId && <input type="hidden" name="noticeId" value={p.source.noticeId} />}
      {p.source.feedbackId && <input type="hidden" name="feedbackId" value={p.source.feedbackId} />}
      {f.message && <Alert tone="error">{f.message}</Alert>}
      {!p.fixedProject && p.projects.length > 0 && (
        <Field id="projectId" label={t("fields.project")} error={f.errors.projectId}>
          <select
            {...fieldA11y("projectId", f.errors.projectId)}
            name="projectId"
            defaultValue={v("projectId", "")}
            className={inputClass}
          >
            <option value="">{t("fields.projectNone")}</option>
            {p.projects.map((x) => (
              <option key={x.id} value={x.id}>
                {x.code} {x.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id="unitId" label={t("fields.unit")} error={f.errors.unitId}>
        <select
          {...fieldA11y("unitId", f.errors.unitId)}
          name="unitId"
          defaultValue={v("unitId", p.unitId ?? "")}
          className={inputClass}
        >
          <option value="">{t("fields.unitNone")}</option>
          {p.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="problem" label={t("fields.problem")} error={f.errors.problem} required>
        <textarea
          {...fieldA11y("problem", f.errors.problem)}
          name="problem"
          rows={4}
          maxLength={2000}
          defaultValue={v("problem", p.problem)}
          className={inputClass}
        />
      </Field>
      <Field id="requirement" label={t("fields.requirement")} error={f.errors.requirement} required>
        <textarea
          {...fieldA11y("requirement", f.errors.requirement)}
          name="requirement"
          rows={4}
          maxLength={2000}
          defaultValue={v("requirement", p.requirement)}
          className={inputClass}
        />
      </Field>
      <Field id="deadline" label={t("fields.deadline")} error={f.errors.deadline} required>
        <input
          {...fieldA11y("deadline", f.errors.deadline)}
          type="date"
          name="deadline"
          defaultValue={v("deadline", p.deadline)}
          className={`${inputClass} max-w-48`}
        />
      </Field>
      <Button type="submit" disabled={f.pending}>
        {t("raise")}
      </Button>
    </form>
  );
}
