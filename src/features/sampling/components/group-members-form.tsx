"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { setGroupMembersAction } from "../actions";
import { list, text, useFormAction } from "./use-form-action";

type Person = { id: string; name: string; username: string; role: string };
type Props = {
  groupId: string;
  groupLabel: string;
  batchVersion: number;
  people: Person[];
  memberIds: string[];
  leadId: string | null;
  /** People already in another group of the batch: shown, but marked. */
  elsewhere: Record<string, string>;
};

/** Before the start: who reviews in a group (finance reviewers, optionally experts) and who leads. */
export function GroupMembersForm({
  groupId,
  groupLabel,
  batchVersion,
  people,
  memberIds,
  leadId,
  elsewhere,
}: Props) {
  const t = useTranslations("sampling.groups");
  const f = useFormAction(setGroupMembersAction);
  const [chosen, setChosen] = useState<string[]>(memberIds);
  const [lead, setLead] = useState(leadId ?? "");
  const shownChosen = f.values ? list(f.values.memberIds) : chosen;
  const id = (s: string) => `${s}-${groupId}`;
  const toggle = (pid: string, on: boolean) =>
    setChosen((c) => (on ? [...c.filter((x) => x !== pid), pid] : c.filter((x) => x !== pid)));
  return (
    <form
      onSubmit={f.onSubmit}
      noValidate
      className="space-y-3"
      aria-label={t("formLabel", { group: groupLabel })}
    >
      <input type="hidden" name="groupId" value={groupId} />
      <input type="hidden" name="batchVersion" value={batchVersion} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      {f.ok && <Alert tone="success">{t("saved")}</Alert>}
      <fieldset aria-describedby={f.errors.memberIds ? id("memberIds-error") : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("members")}</legend>
        <div className="grid max-h-56 grid-cols-1 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
          {people.map((p) => (
            <label key={p.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="memberIds"
                value={p.id}
                checked={shownChosen.includes(p.id)}
                onChange={(e) => toggle(p.id, e.target.checked)}
              />
              <span>
                {p.name}（{p.username}）
              </span>
              {elsewhere[p.id] && <span className="text-xs text-slate-400">{elsewhere[p.id]}</span>}
            </label>
          ))}
        </div>
        {f.errors.memberIds && (
          <p id={id("memberIds-error")} role="alert" className="mt-1 text-xs text-red-600">
            {f.errors.memberIds.join("；")}
          </p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <Field id={id("lead")} label={t("lead")} error={f.errors.leadId} required>
            <select
              {...fieldA11y(id("lead"), f.errors.leadId)}
              name="leadId"
              value={f.values ? text(f.values.leadId) : lead}
              onChange={(e) => setLead(e.target.value)}
              className={inputClass}
            >
              <option value="" />
              {people
                .filter((p) => shownChosen.includes(p.id))
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}（{p.username}）
                  </option>
                ))}
            </select>
          </Field>
        </div>
        <Button type="submit" variant="secondary" disabled={f.pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
