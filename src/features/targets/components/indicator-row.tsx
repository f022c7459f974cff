"use client";

import { useTranslations } from "next-intl";
import type { KeyboardEvent } from "react";
import { inputClass } from "@/components/ui/field";
import { LEVEL2_BY_LEVEL1, OPERATORS, type Level1 } from "../levels";
import type { IndicatorRow } from "../schemas";

export type EditorRow = IndicatorRow & { key: string };
type Field = "level2" | "name" | "operator" | "targetValue" | "unit" | "points";

const cell = `${inputClass} py-1.5`;

/**
 * One editable indicator. Each cell carries its own error (aria-describedby); Enter in a text cell
 * adds a row below, so a sheet can be typed without the mouse.
 */
export function IndicatorRowEditor({
  row,
  index,
  position,
  count,
  level1,
  errors,
  onChange,
  onAddBelow,
  onRemove,
  onMove,
}: {
  row: EditorRow;
  index: number;
  position: number;
  count: number;
  level1: Level1;
  errors: Partial<Record<Field, string[]>>;
  onChange: (patch: Partial<IndicatorRow>) => void;
  onAddBelow: () => void;
  onRemove: () => void;
  onMove: (delta: -1 | 1) => void;
}) {
  const t = useTranslations("targets");
  const id = (f: Field) => `ind-${index}-${f}`;
  const a11y = (f: Field) => ({
    id: id(f),
    "aria-invalid": errors[f]?.length ? true : undefined,
    "aria-describedby": errors[f]?.length ? `${id(f)}-error` : undefined,
    "aria-label": `${t(`field.${f}`)}（${t("editor.rowLabel", { level: t(`level1.${level1}`), n: position + 1 })}）`,
  });
  const enterAdds = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      onAddBelow();
    }
  };
  const err = (f: Field) =>
    errors[f]?.length ? (
      <p id={`${id(f)}-error`} role="alert" className="mt-1 text-xs text-red-600">
        {errors[f]!.join("；")}
      </p>
    ) : null;
  const quantitative = row.operator !== "QUALITATIVE";
  return (
    <tr data-testid={`indicator-row-${index}`} className="align-top">
      <td className="min-w-36 px-2 py-1.5">
        <select
          {...a11y("level2")}
          className={cell}
          value={row.level2}
          onChange={(e) => onChange({ level2: e.target.value as IndicatorRow["level2"] })}
        >
          {LEVEL2_BY_LEVEL1[level1].map((l2) => (
            <option key={l2} value={l2}>
              {t(`level2.${l2}`)}
            </option>
          ))}
        </select>
        {err("level2")}
      </td>
      <td className="min-w-48 px-2 py-1.5">
        <input
          {...a11y("name")}
          className={cell}
          value={row.name}
          placeholder={t("editor.namePlaceholder")}
          onChange={(e) => onChange({ name: e.target.value })}
          onKeyDown={enterAdds}
        />
        {err("name")}
      </td>
      <td className="min-w-28 px-2 py-1.5">
        <select
          {...a11y("operator")}
          className={cell}
          value={row.operator}
          onChange={(e) => onChange({ operator: e.target.value as IndicatorRow["operator"] })}
        >
          {OPERATORS.map((o) => (
            <option key={o} value={o}>
              {t(`operator.${o}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="min-w-36 px-2 py-1.5">
        <input
          {...a11y("targetValue")}
          className={cell}
          inputMode={quantitative ? "decimal" : undefined}
          value={row.targetValue}
          placeholder={t("editor.targetPlaceholder")}
          onChange={(e) => onChange({ targetValue: e.target.value })}
          onKeyDown={enterAdds}
        />
        {err("targetValue")}
      </td>
      <td className="min-w-24 px-2 py-1.5">
        <input
          {...a11y("unit")}
          className={cell}
          value={row.unit}
          onChange={(e) => onChange({ unit: e.target.value })}
          onKeyDown={enterAdds}
        />
        {err("unit")}
      </td>
      <td className="w-24 min-w-24 px-2 py-1.5">
        <input
          {...a11y("points")}
          className={`${cell} num text-right`}
          inputMode="decimal"
          value={row.points}
          onChange={(e) => onChange({ points: e.target.value })}
          onKeyDown={enterAdds}
        />
        {err("points")}
      </td>
      <td className="px-2 py-1.5 whitespace-nowrap">
        <button
          type="button"
          className="rounded px-1.5 py-1 text-slate-500 hover:bg-slate-100 disabled:opacity-30"
          aria-label={t("editor.up", { n: position + 1 })}
          disabled={position === 0}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="rounded px-1.5 py-1 text-slate-500 hover:bg-slate-100 disabled:opacity-30"
          aria-label={t("editor.down", { n: position + 1 })}
          disabled={position === count - 1}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="rounded px-1.5 py-1 text-red-600 hover:bg-red-50"
          aria-label={t("editor.remove", { n: position + 1 })}
          onClick={onRemove}
        >
          ✕
        </button>
      </td>
    </tr>
  );
}
