"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { Level1, Level2, Operator } from "../levels";

export type PickerItem = {
  id: string;
  sector: string;
  level1: Level1;
  level2: Level2;
  name: string;
  operator: Operator;
  unit: string;
  targetHint: string;
};

/** The library search shown under a level: type to narrow by name, pick to copy into the sheet. */
export function LibraryPicker({
  items,
  level1,
  sectorLabel,
  onPick,
  onClose,
}: {
  items: PickerItem[];
  level1: Level1;
  sectorLabel: string;
  onPick: (item: PickerItem) => void;
  onClose: () => void;
}) {
  const t = useTranslations("targets");
  const [q, setQ] = useState("");
  const shown = useMemo(
    () => items.filter((i) => i.level1 === level1 && (!q.trim() || i.name.includes(q.trim()))).slice(0, 40),
    [items, level1, q],
  );
  const id = `picker-${level1}`;
  return (
    <div
      role="dialog"
      aria-labelledby={`${id}-title`}
      className="mt-2 rounded-lg border border-brand-200 bg-brand-50/40 p-3"
      onKeyDown={(e) => e.key === "Escape" && onClose()}
    >
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 id={`${id}-title`} className="text-sm font-medium text-slate-800">
          {t("picker.title", { sector: sectorLabel })}
        </h3>
        <Button type="button" variant="ghost" size="sm" onClick={onClose}>
          {t("picker.close")}
        </Button>
      </div>
      <input
        // The picker opens on demand, so taking the focus is what the user expects.
        autoFocus
        type="search"
        aria-label={t("picker.search")}
        placeholder={t("picker.search")}
        className={inputClass}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            if (shown[0]) onPick(shown[0]);
          }
        }}
      />
      <ul className="mt-2 max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-md bg-white ring-1 ring-slate-200">
        {shown.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">{t("picker.empty")}</li>}
        {shown.map((i) => (
          <li key={i.id} className="flex items-center justify-between gap-3 px-3 py-1.5 text-sm">
            <span className="min-w-0">
              <span className="text-slate-900">{i.name}</span>
              <span className="ml-2 text-xs text-slate-500">
                {t(`level2.${i.level2}`)} · {t(`operator.${i.operator}`)} {i.unit}
                {i.targetHint && ` · ${t("picker.hint", { hint: i.targetHint })}`}
                {i.sector === "general" && ` · ${t("picker.general")}`}
              </span>
            </span>
            <Button
              type="button"
              size="sm"
              variant="secondary"
              onClick={() => onPick(i)}
              aria-label={`${t("picker.use")} ${i.name}`}
            >
              {t("picker.use")}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
