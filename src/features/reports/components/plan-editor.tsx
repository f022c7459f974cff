"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/server/action-client";
import { saveSummaryPlanAction } from "../actions";

type Saved = { workYear: number; version: number };
type FormState = { n: number; result?: ActionResult<Saved> };

/** Section 三 for finance: the text in a form under the document; the page shows it once saved. */
export function PlanEditor({
  workYear,
  planYear,
  plan,
  version,
}: {
  workYear: number;
  planYear: number;
  plan: string;
  version: number;
}) {
  const t = useTranslations("reports.plan");
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    async (prev, form) => {
      const result = await saveSummaryPlanAction(null, form);
      // Saved: the action revalidated the page, which now shows the new text; the form closes.
      if (result.ok) setOpen(false);
      return { n: prev.n + 1, result };
    },
    { n: 0 },
  );
  const failed = state.result && !state.result.ok ? state.result : null;
  const status = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.n > 0) status.current?.focus();
  }, [state.n]);

  return (
    <div className="no-print mt-6 border-t border-dashed border-slate-300 pt-4">
      <div ref={status} tabIndex={-1} className="mb-3 empty:hidden">
        {state.result?.ok && <Alert tone="success">{t("saved", { version: state.result.data.version })}</Alert>}
        {failed && <Alert tone="error">{failed.message}</Alert>}
      </div>
      {open ? (
        <form key={state.n} action={formAction} noValidate className="space-y-3">
          <input type="hidden" name="workYear" value={workYear} />
          <input type="hidden" name="version" value={version} />
          <Field id="summary-plan" label={t("label", { planYear })} hint={t("hint")} error={failed?.fieldErrors?.plan}>
            <textarea
              name="plan"
              rows={14}
              defaultValue={String(failed?.values?.plan ?? plan)}
              className={`${inputClass} leading-7`}
              {...fieldA11y("summary-plan", failed?.fieldErrors?.plan)}
              aria-describedby={failed?.fieldErrors?.plan ? "summary-plan-error" : "summary-plan-hint"}
            />
          </Field>
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              {pending ? t("saving") : t("save")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
          {t("edit")}
        </Button>
      )}
    </div>
  );
}
