import { useTranslations } from "next-intl";

/** A notification's title in the reader's language: its key and parameters. */
export function TodoTitle({ titleKey, params }: { titleKey: string; params: Record<string, string> }) {
  const t = useTranslations("todos.titles");
  return <>{t.has(titleKey) ? t(titleKey, params) : titleKey}</>;
}
