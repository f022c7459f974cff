"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { acknowledgeFeedbackAction } from "../actions";
import { useFormAction } from "./use-form-action";

/** The department's approver confirms it has received the feedback. */
export function AcknowledgeButton({ id, version }: { id: string; version: number }) {
  const t = useTranslations("sampling.feedback");
  const f = useFormAction(acknowledgeFeedbackAction);
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      <Button type="submit" disabled={f.pending}>
        {t("acknowledge")}
      </Button>
    </form>
  );
}
