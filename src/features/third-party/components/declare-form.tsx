"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { list, text, useFormAction } from "@/components/hooks/use-form-action";
import { declareEngagementAction } from "../actions";

type Staff = { id: string; name: string; title: string; qualification: string };

/**
 * 组建评价小组 and 无利益冲突声明: the agency picks its staff for the engagement and confirms the
 * standard declaration (editable) for them; the evaluation then starts.
 */
export function DeclareForm({
  evaluationId,
  version,
  staff,
  standardText,
}: {
  evaluationId: string;
  version: number;
  staff: Staff[];
  standardText: string;
}) {
  const t = useTranslations("thirdParty.declare");
  const f = useFormAction(declareEngagementAction);
  const v = f.values;
  const chosen = v ? list(v.staffIds) : [];
  const e = f.errors;
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-4" aria-label={t("formLabel")}>
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="version" value={version} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      <fieldset aria-describedby={e.staffIds ? "declare-staff-error" : undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("team")}</legend>
        {staff.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noStaff")}</p>
        ) : (
          <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {staff.map((s) => (
              <label
                key={s.id}
                className="flex items-start gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm hover:bg-slate-50"
              >
                <input
                  type="checkbox"
                  name="staffIds"
                  value={s.id}
                  defaultChecked={chosen.includes(s.id)}
                  className="mt-0.5"
                />
                <span>
                  <span className="block font-medium text-slate-800">{s.name}</span>
                  <span className="block text-xs text-slate-500">
                    {[s.title, s.qualification].filter(Boolean).join(" · ") || "—"}
                  </span>
                </span>
              </label>
            ))}
          </div>
        )}
        {e.staffIds && (
          <p id="declare-staff-error" role="alert" className="mt-1 text-xs text-red-600">
            {e.staffIds.join("；")}
          </p>
        )}
      </fieldset>
      <Field id="declare-text" label={t("text")} error={e.declaration} required>
        <textarea
          {...fieldA11y("declare-text", e.declaration)}
          name="declaration"
          rows={6}
          maxLength={2000}
          defaultValue={v ? text(v.declaration) : standardText}
          className={inputClass}
        />
      </Field>
      <div>
        <label className="inline-flex items-start gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            name="confirm"
            {...fieldA11y("declare-confirm", e.confirm)}
            className="mt-0.5"
          />
          {t("confirm")}
        </label>
        {e.confirm && (
          <p id="declare-confirm-error" role="alert" className="mt-1 text-xs text-red-600">
            {e.confirm.join("；")}
          </p>
        )}
      </div>
      <Button type="submit" disabled={f.pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
