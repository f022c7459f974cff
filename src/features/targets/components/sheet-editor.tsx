"use client";

import { useTranslations } from "next-intl";
import { useLeaveWarning } from "@/components/hooks/use-leave-warning";
import { useActionState, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { submitWithoutReset } from "@/features/targets/components/submit-without-reset";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { saveOrSubmitSheetAction, type SheetFormState } from "../actions";
import { LEVEL1, LEVEL2_BY_LEVEL1, type Level1 } from "../levels";
import { checkSheet, pointsByLevel, type QualityIssue, type Weights } from "../rules";
import type { IndicatorRow } from "../schemas";
import { IndicatorImport } from "./indicator-import";
import { IndicatorRowEditor, type EditorRow } from "./indicator-row";
import { LevelSection } from "./level-section";
import { LibraryPicker, type PickerItem } from "./library-picker";
import { Subtotals } from "./subtotals";

let seq = 0;
const withKey = (r: IndicatorRow): EditorRow => ({ ...r, key: `r${++seq}` });
const blank = (level1: Level1): EditorRow =>
  withKey({
    level1,
    level2: LEVEL2_BY_LEVEL1[level1][0],
    name: "",
    operator: "GTE",
    targetValue: "",
    unit: "",
    points: "",
    libraryIndicatorId: null,
  });
// Rows are kept in level order, so a row's index is the same here, in the JSON sent and in the
// server's errors.
const ordered = (rows: EditorRow[]) => LEVEL1.flatMap((l1) => rows.filter((r) => r.level1 === l1));
const strip = (rows: EditorRow[]): IndicatorRow[] =>
  rows.map((r) => ({
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    operator: r.operator,
    targetValue: r.targetValue,
    unit: r.unit,
    points: r.points,
    libraryIndicatorId: r.libraryIndicatorId ?? null,
  }));

export function SheetEditor({
  projectId,
  sheetId,
  version,
  initialGoal,
  initialRows,
  weights,
  library,
  sectorLabel,
}: {
  projectId: string;
  sheetId: string | null;
  version: number;
  initialGoal: string;
  initialRows: IndicatorRow[];
  weights: Weights;
  library: PickerItem[];
  sectorLabel: string;
}) {
  const t = useTranslations("targets");
  const [state, formAction, pending] = useActionState<SheetFormState, FormData>(
    saveOrSubmitSheetAction,
    null,
  );
  const [goal, setGoal] = useState(initialGoal);
  const [rows, setRows] = useState(() => ordered(initialRows.map(withKey)));
  const [picking, setPicking] = useState<Level1 | null>(null);
  const payload = JSON.stringify(strip(rows));
  // The server's messages describe what was sent; once the filer edits, only the live checks speak.
  const [sent, setSent] = useState<string | null>(null);
  const unchangedSinceSend = sent === goal + payload;
  const dirty = goal !== initialGoal || payload !== JSON.stringify(strip(initialRows.map(withKey)));
  const issues = useMemo(
    () => checkSheet({ overallGoal: goal, indicators: strip(rows) }, weights),
    [goal, rows, weights],
  );

  // Quality problems show once a submit was refused, and then follow the edits live.
  const showIssues = Boolean(state && !state.ok && state.code === "VALIDATION");
  useLeaveWarning(dirty, t("editor.leaveWarning"));

  const message = (i: QualityIssue) =>
    t(`quality.${i.code}`, { level: i.level1 ? t(`level1.${i.level1}`) : "", ...(i.values ?? {}) });
  // Quality problems (after a submit) and the server's format errors, by row and field.
  const rowErrors = (index: number) => {
    const out: Record<string, string[]> = {};
    if (showIssues)
      for (const i of issues.filter((x) => x.row === index)) (out[i.field] ??= []).push(message(i));
    const server = state && !state.ok && unchangedSinceSend ? (state.fieldErrors ?? {}) : {};
    for (const [k, msgs] of Object.entries(server)) {
      const m = k.match(/^indicators\.(\d+)\.(\w+)$/);
      if (m && Number(m[1]) === index) {
        const list = (out[m[2]!] ??= []);
        for (const x of msgs) if (!list.includes(x)) list.push(x);
      }
    }
    return out;
  };
  const sheetIssues = showIssues ? issues.filter((i) => i.row === null) : [];

  const update = (key: string, patch: Partial<IndicatorRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const insertAfter = (level1: Level1, afterKey: string | null, row = blank(level1)) =>
    setRows((rs) => {
      const at = afterKey
        ? rs.findIndex((r) => r.key === afterKey) + 1
        : rs.filter((r) => LEVEL1.indexOf(r.level1) <= LEVEL1.indexOf(level1)).length;
      const next = [...rs.slice(0, at), row, ...rs.slice(at)];
      // Focus the new row's name once it renders.
      requestAnimationFrame(() => document.getElementById(`ind-${next.indexOf(row)}-name`)?.focus());
      return next;
    });
  const move = (key: string, delta: -1 | 1) =>
    setRows((rs) => {
      const i = rs.findIndex((r) => r.key === key);
      const j = i + delta;
      if (j < 0 || j >= rs.length || rs[j]!.level1 !== rs[i]!.level1) return rs;
      const next = [...rs];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  const pick = (item: PickerItem) => {
    const last = [...rows].reverse().find((r) => r.level1 === item.level1);
    insertAfter(
      item.level1,
      last?.key ?? null,
      withKey({
        level1: item.level1,
        level2: item.level2,
        name: item.name,
        operator: item.operator,
        targetValue: "",
        unit: item.unit,
        points: "",
        libraryIndicatorId: item.id,
      }),
    );
    setPicking(null);
  };

  const goalErrors = showIssues ? issues.filter((i) => i.field === "overallGoal").map(message) : undefined;
  return (
    <div className="space-y-5">
      <IndicatorImport
        projectId={projectId}
        current={rows.length}
        onReplace={(imported) => setRows(ordered(imported.map(withKey)))}
      />
      <form
        onSubmit={(e) => {
          setSent(goal + payload);
          submitWithoutReset(formAction)(e);
        }}
        className="space-y-5"
        noValidate
      >
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="sheetId" value={sheetId ?? ""} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="indicators" value={payload} />
        {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
        {state?.ok && (
          <Alert tone="success">
            {state.data.status === "SUBMITTED" ? t("editor.submitted") : t("editor.saved")}
          </Alert>
        )}
        <Field
          id="overallGoal"
          label={t("sheet.overallGoal")}
          hint={t("sheet.overallGoalHint")}
          error={goalErrors}
          required
        >
          <textarea
            {...fieldA11y("overallGoal", goalErrors)}
            name="overallGoal"
            rows={3}
            className={inputClass}
            value={goal}
            onChange={(e) => setGoal(e.target.value)}
          />
        </Field>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Subtotals sums={pointsByLevel(rows)} weights={weights} />
          <p className="text-xs text-slate-500">{t("editor.keyboardHint")}</p>
        </div>
        {sheetIssues.length > 0 && (
          <Alert tone="warning">
            <ul className="list-disc pl-5">
              {sheetIssues.map((i) => (
                <li key={`${i.code}-${i.level1}`}>{message(i)}</li>
              ))}
            </ul>
          </Alert>
        )}
        {LEVEL1.map((l1) => {
          const section = rows.filter((r) => r.level1 === l1);
          return (
            <LevelSection
              key={l1}
              level1={l1}
              picking={picking === l1}
              onTogglePick={() => setPicking(picking === l1 ? null : l1)}
              onAdd={() => insertAfter(l1, section.at(-1)?.key ?? null)}
              picker={
                <LibraryPicker
                  items={library}
                  level1={l1}
                  sectorLabel={sectorLabel}
                  onPick={pick}
                  onClose={() => setPicking(null)}
                />
              }
            >
              <div className="overflow-x-auto">
                <table className="min-w-full text-sm">
                  <thead>
                    <tr className="text-left text-xs text-slate-500">
                      {(
                        ["level2", "name", "operator", "targetValue", "unit", "points", "actions"] as const
                      ).map((f) => (
                        <th key={f} scope="col" className="px-2 py-1.5 font-medium">
                          {t(`field.${f}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {section.map((r, position) => (
                      <IndicatorRowEditor
                        key={r.key}
                        row={r}
                        index={rows.indexOf(r)}
                        position={position}
                        count={section.length}
                        level1={l1}
                        errors={rowErrors(rows.indexOf(r))}
                        onChange={(patch) => update(r.key, patch)}
                        onAddBelow={() => insertAfter(l1, r.key)}
                        onRemove={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                        onMove={(d) => move(r.key, d)}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            </LevelSection>
          );
        })}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending}>
            {pending ? t("editor.saving") : t("editor.save")}
          </Button>
          <Button type="submit" name="intent" value="submit" disabled={pending}>
            {t("editor.submit")}
          </Button>
          {dirty && <span className="text-xs text-amber-700">{t("editor.unsaved")}</span>}
        </div>
      </form>
    </div>
  );
}
