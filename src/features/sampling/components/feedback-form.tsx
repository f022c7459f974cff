"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { saveFeedbackAction } from "../actions";
import { text, useFormAction } from "./use-form-action";

type Props = {
  batchId: string;
  departmentId: string;
  version: number;
  problems: string;
  requirements: string;
  canPublish: boolean;
};

/** Finance writes the problems found and the requirements; saves a draft or publishes to the department. */
export function FeedbackForm({ batchId, departmentId, version, problems, requirements, canPublish }: Props) {
  const t = useTranslations("sampling.feedback");
  const f = useFormAction(saveFeedbackAction);
  const v = (name: string, fallback: string) => (f.values ? text(f.values[name]) : fallback);
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-4" aria-label={t("formLabel")}>
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="departmentId" value={departmentId} />
      <input type="hidden" name="version" value={version} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      {f.ok && <Alert tone="success">{t("saved")}</Alert>}
      <Field id="problems" label={t("problems")} error={f.errors.problems} required>
        <textarea
          {...fieldA11y("problems", f.errors.problems)}
          name="problems"
          rows={5}
          maxLength={5000}
          defaultValue={v("problems", problems)}
          className={inputClass}
        />
      </Field>
      <Field id="requirements" label={t("requirements")} error={f.errors.requirements} required>
        <textarea
          {...fieldA11y("requirements", f.errors.requirements)}
          name="requirements"
          rows={5}
          maxLength={5000}
          defaultValue={v("requirements", requirements)}
          className={inputClass}
        />
      </Field>
      {!canPublish && <p className="text-xs text-slate-500">{t("waitSettled")}</p>}
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" disabled={f.pending}>
          {t("save")}
        </Button>
        <Button type="submit" name="publish" value="on" disabled={f.pending}>
          {t("publish")}
        </Button>
      </div>
    </form>
  );
}
