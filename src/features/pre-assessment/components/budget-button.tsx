"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { markBudgetedAction } from "../actions";
import { useFormAction } from "./use-form-action";

/** 纳入预算: refused with the reason when the project lacks a supporting conclusion. */
export function BudgetButton({ projectId, version }: { projectId: string; version: number }) {
  const t = useTranslations("preAssessment.budget");
  const f = useFormAction(markBudgetedAction);
  if (f.ok) return <Alert tone="success">{t("done")}</Alert>;
  return (
    <form onSubmit={f.onSubmit} className="space-y-2">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="version" value={version} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      <Button type="submit" variant="secondary" disabled={f.pending}>
        {t("action")}
      </Button>
    </form>
  );
}
