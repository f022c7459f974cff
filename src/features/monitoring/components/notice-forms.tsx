"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { submitWithoutReset } from "@/features/targets/components/submit-without-reset";
import {
  answerNoticeAction,
  closeNoticeAction,
  issueNoticeAction,
  type MonitoringFormState,
} from "../actions";
import { NOTICE_KINDS, type NoticeKind } from "../constants";

/** 财政处理: finance picks a response and writes it; a correction notice needs a due date. */
export function IssueNoticeForm({ reportId }: { reportId: string }) {
  const t = useTranslations("monitoring.notices");
  const tk = useTranslations("monitoring.noticeKind");
  const [state, dispatch, pending] = useActionState<MonitoringFormState, FormData>(issueNoticeAction, null);
  const [kind, setKind] = useState<NoticeKind>("CORRECTION");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form
      onSubmit={submitWithoutReset(dispatch)}
      className="space-y-3"
      noValidate
      aria-label={t("issueTitle")}
    >
      <input type="hidden" name="reportId" value={reportId} />
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      {state?.ok && <Alert tone="success">{t("issued")}</Alert>}
      <Field id="nf-kind" label={t("kind")} error={errors.kind} required>
        <select
          {...fieldA11y("nf-kind", errors.kind)}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as NoticeKind)}
          className={inputClass}
        >
          {NOTICE_KINDS.map((k) => (
            <option key={k} value={k}>
              {tk(k)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="nf-content"
        label={t("content")}
        hint={t(`contentHint.${kind}`)}
        error={errors.content}
        required
      >
        <textarea
          {...fieldA11y("nf-content", errors.content)}
          name="content"
          rows={3}
          className={inputClass}
        />
      </Field>
      <Field id="nf-due" label={t("dueDate")} error={errors.dueDate} required={kind === "CORRECTION"}>
        <input
          {...fieldA11y("nf-due", errors.dueDate)}
          name="dueDate"
          type="date"
          className={`${inputClass} max-w-48`}
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {t("issue")}
      </Button>
    </form>
  );
}

/** The department's answer to an open notice. */
export function AnswerNoticeForm({ noticeId, version }: { noticeId: string; version: number }) {
  const t = useTranslations("monitoring.notices");
  const [state, dispatch, pending] = useActionState<MonitoringFormState, FormData>(answerNoticeAction, null);
  const errors = state && !state.ok ? state.fieldErrors?.reply : undefined;
  const id = `na-${noticeId}`;
  return (
    <form onSubmit={submitWithoutReset(dispatch)} className="space-y-2" noValidate>
      <input type="hidden" name="noticeId" value={noticeId} />
      <input type="hidden" name="version" value={version} />
      {state && !state.ok && !errors && <Alert tone="error">{state.message}</Alert>}
      <Field id={id} label={t("reply")} error={errors} required>
        <textarea {...fieldA11y(id, errors)} name="reply" rows={3} className={inputClass} />
      </Field>
      <Button type="submit" size="sm" disabled={pending}>
        {t("answer")}
      </Button>
    </form>
  );
}

/** Finance closes an answered notice, or sends it back with a note. */
export function CloseNoticeForm({ noticeId, version }: { noticeId: string; version: number }) {
  const t = useTranslations("monitoring.notices");
  const [state, dispatch, pending] = useActionState<MonitoringFormState, FormData>(closeNoticeAction, null);
  const errors = state && !state.ok ? state.fieldErrors?.note : undefined;
  const id = `nc-${noticeId}`;
  return (
    <form onSubmit={submitWithoutReset(dispatch)} className="space-y-2" noValidate>
      <input type="hidden" name="noticeId" value={noticeId} />
      <input type="hidden" name="version" value={version} />
      {state && !state.ok && !errors && <Alert tone="error">{state.message}</Alert>}
      <Field id={id} label={t("closingNote")} hint={t("closingNoteHint")} error={errors}>
        <textarea {...fieldA11y(id, errors)} name="note" rows={2} className={inputClass} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" name="decision" value="close" disabled={pending}>
          {t("close")}
        </Button>
        <Button type="submit" size="sm" name="decision" value="reopen" variant="secondary" disabled={pending}>
          {t("reopen")}
        </Button>
      </div>
    </form>
  );
}
