import "server-only";
import { getTranslations } from "next-intl/server";
import { workbookResponse } from "@/server/excel";
import { can } from "@/server/permissions";
import { PROJECT_DURATIONS, PROJECT_KINDS, PROJECT_NOVELTIES, SPECIAL_AREAS } from "@/server/schema/enums";
import type { CurrentUser } from "@/server/session";
import { IMPORT_COLUMNS } from "./import-rows";

const WIDTHS = {
  name: 40,
  kind: 16,
  novelty: 12,
  duration: 12,
  isMajor: 14,
  specialArea: 16,
  requestedAmount: 18,
  description: 48,
};

/**
 * 项目导入模板: the columns with their headers in the user's language (the import reads either),
 * and a second sheet saying what each column takes, with the allowed values of each choice.
 */
export async function projectImportTemplate(user: CurrentUser): Promise<Response> {
  if (!can(user.role, "projects.create")) return new Response(null, { status: 404 });
  const [t, te] = await Promise.all([getTranslations("projects.import"), getTranslations("enums")]);
  const values = {
    kind: PROJECT_KINDS.map((v) => te(`projectKind.${v}`)),
    novelty: PROJECT_NOVELTIES.map((v) => te(`novelty.${v}`)),
    duration: PROJECT_DURATIONS.map((v) => te(`duration.${v}`)),
    specialArea: SPECIAL_AREAS.map((v) => te(`specialArea.${v}`)),
  } as Record<string, string[]>;
  return workbookResponse({
    filename: `${t("templateFile")}.xlsx`,
    sheets: [
      {
        name: t("templateSheet"),
        headers: IMPORT_COLUMNS.map((c) => ({ header: t(`columns.${c}`), width: WIDTHS[c] })),
      },
      {
        name: t("notesSheet"),
        headers: [
          { header: t("notesHeaders.column"), width: 18 },
          { header: t("notesHeaders.rule"), width: 80 },
        ],
        rows: IMPORT_COLUMNS.map((c) => [
          t(`columns.${c}`),
          t(`notes.${c}`, { values: (values[c] ?? []).join(" / ") }),
        ]),
      },
    ],
  });
}
