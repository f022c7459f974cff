"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { deleteAttachmentAction, type DeleteAttachmentState } from "../actions";

export function DeleteAttachmentButton({ id, fileName }: { id: string; fileName: string }) {
  const t = useTranslations("attachments.list");
  const router = useRouter();
  const [state, action, pending] = useActionState<DeleteAttachmentState, FormData>(
    deleteAttachmentAction,
    null,
  );
  // The list belongs to the page that shows it: re-render that page once the file is gone.
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);

  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("confirmDelete", { name: fileName }))) e.preventDefault();
      }}
      className="inline-flex items-center gap-2"
    >
      <input type="hidden" name="id" value={id} />
      <Button
        type="submit"
        variant="ghost"
        size="sm"
        disabled={pending}
        aria-label={t("deleteLabel", { name: fileName })}
      >
        <span className="text-red-700">{pending ? t("deleting") : t("delete")}</span>
      </Button>
      {state && !state.ok && (
        <span role="alert" className="text-xs text-red-600">
          {state.message}
        </span>
      )}
    </form>
  );
}
