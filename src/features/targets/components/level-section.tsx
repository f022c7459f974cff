"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { Level1 } from "../levels";

/** One level-1 block of the editor: its title, 从指标库选择 / 添加指标, the picker when open, its rows. */
export function LevelSection({
  level1,
  picking,
  onTogglePick,
  onAdd,
  picker,
  children,
}: {
  level1: Level1;
  picking: boolean;
  onTogglePick: () => void;
  onAdd: () => void;
  picker: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations("targets");
  return (
    <section
      aria-labelledby={`level-${level1}`}
      className="rounded-lg border border-slate-200 bg-white shadow-xs"
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-3 py-2">
        <h2 id={`level-${level1}`} className="font-medium text-slate-900">
          {t(`level1.${level1}`)}
        </h2>
        <div className="flex gap-2">
          <Button type="button" size="sm" variant="secondary" onClick={onTogglePick} aria-expanded={picking}>
            {t("editor.pick")}
          </Button>
          <Button type="button" size="sm" variant="secondary" onClick={onAdd}>
            {t("editor.addRow")}
          </Button>
        </div>
      </div>
      {picking && <div className="px-3 pb-2">{picker}</div>}
      {children}
    </section>
  );
}
