"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { moveProjectAction } from "../actions";
import { useFormAction } from "./use-form-action";

type Props = {
  batchId: string;
  batchVersion: number;
  projectId: string;
  projectName: string;
  groupId: string | null;
  groups: { id: string; label: string }[];
};

/** Before the start: move one selected project to another group. */
export function MoveProjectForm({ batchId, batchVersion, projectId, projectName, groupId, groups }: Props) {
  const t = useTranslations("sampling.groups");
  const f = useFormAction(moveProjectAction);
  const selectId = `move-${projectId}`;
  return (
    <form onSubmit={f.onSubmit} noValidate className="flex items-center gap-1.5 whitespace-nowrap">
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="batchVersion" value={batchVersion} />
      <input type="hidden" name="projectId" value={projectId} />
      <label htmlFor={selectId} className="sr-only">
        {t("moveLabel", { project: projectName })}
      </label>
      <select
        id={selectId}
        name="groupId"
        key={groupId ?? ""}
        defaultValue={groupId ?? ""}
        aria-invalid={f.message ? true : undefined}
        aria-describedby={f.message ? `${selectId}-error` : undefined}
        className={`${inputClass.replace("w-full", "w-24")} py-1 text-xs`}
      >
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.label}
          </option>
        ))}
      </select>
      <Button type="submit" size="sm" variant="ghost" disabled={f.pending}>
        {t("move")}
      </Button>
      {f.message && (
        <span id={`${selectId}-error`} role="alert" className="text-xs text-red-600">
          {f.message}
        </span>
      )}
    </form>
  );
}
