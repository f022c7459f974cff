import type { Locale } from "@/i18n/config";

// One catalog file per namespace and locale, so features add their texts without touching each other's.
// Every namespace must exist in both locales: tests/unit/messages.test.ts compares their keys.
export const NAMESPACES = [
  "common",
  "nav",
  "auth",
  "errors",
  "validation",
  "enums",
  "dashboard",
  "projects",
  "admin",
  "audit",
  "years",
  "account",
  "preAssessment",
  "attachments",
  "targets",
  "indicators",
  "selfEvaluation",
  "agencies",
  "sampling",
  "monitoring",
  "evaluations",
  "overallEvaluation",
  "reports",
  "thirdParty",
  "evaluationTemplates",
  "keyEvaluation",
  "rectification",
  "results",
  "todos",
  "assessment",
] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`./${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
