import "server-only";
import { getTranslations } from "next-intl/server";
import { workbookResponse } from "@/server/excel";
import { can } from "@/server/permissions";
import type { CurrentUser } from "@/server/session";
import { INDICATOR_COLUMNS } from "./indicator-import";
import { LEVEL1, LEVEL2_BY_LEVEL1, OPERATORS } from "./levels";

const WIDTHS = { level1: 14, level2: 20, name: 40, operator: 8, targetValue: 14, unit: 12, points: 8 };

/** 绩效指标导入模板: the columns in the user's language, and a sheet of what each column takes. */
export async function indicatorTemplate(user: CurrentUser): Promise<Response> {
  if (!can(user.role, "targets.fill")) return new Response(null, { status: 404 });
  const [t, tt] = await Promise.all([getTranslations("targets.import"), getTranslations("targets")]);
  const values: Partial<Record<(typeof INDICATOR_COLUMNS)[number], string>> = {
    level1: LEVEL1.map((l) => tt(`level1.${l}`)).join(" / "),
    level2: LEVEL1.map(
      (l) => `${tt(`level1.${l}`)}：${LEVEL2_BY_LEVEL1[l].map((l2) => tt(`level2.${l2}`)).join("、")}`,
    ).join("；"),
    operator: OPERATORS.map((o) => tt(`operator.${o}`)).join(" / "),
  };
  return workbookResponse({
    filename: `${t("templateFile")}.xlsx`,
    sheets: [
      {
        name: t("templateSheet"),
        headers: INDICATOR_COLUMNS.map((c) => ({ header: t(`columns.${c}`), width: WIDTHS[c] })),
      },
      {
        name: t("notesSheet"),
        headers: [
          { header: t("notesHeaders.column"), width: 14 },
          { header: t("notesHeaders.rule"), width: 100 },
        ],
        rows: INDICATOR_COLUMNS.map((c) => [t(`columns.${c}`), t(`notes.${c}`, { values: values[c] ?? "" })]),
      },
    ],
  });
}
