"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { markReadAction } from "../actions";

/** Mark one to-do read, or all of them. */
export function MarkReadButton({ id, all = false }: { id?: string; all?: boolean }) {
  const t = useTranslations("todos");
  const [, action, pending] = useActionState(markReadAction, null);
  return (
    <form action={action}>
      {id && <input type="hidden" name="ids" value={id} />}
      {all && <input type="hidden" name="all" value="on" />}
      <button
        type="submit"
        disabled={pending}
        className="text-xs font-medium text-brand-700 hover:underline disabled:text-slate-400"
      >
        {all ? t("markAllRead") : t("markRead")}
      </button>
    </form>
  );
}
