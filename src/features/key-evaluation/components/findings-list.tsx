import { useTranslations } from "next-intl";
import type { Finding } from "@/features/evaluations/sheet-queries";

/** 发现的问题 with their 整改要求 and 整改期限, read-only. */
export function FindingsList({ findings }: { findings: Finding[] }) {
  const t = useTranslations("keyEvaluation.findings");
  if (!findings.length) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  return (
    <ol className="space-y-3 text-sm" data-testid="findings-list">
      {findings.map((f, i) => (
        <li key={f.id} className="rounded-md border border-slate-200 p-3">
          <p className="font-medium text-slate-800">
            {i + 1}. {f.problem}
          </p>
          {f.requirement && (
            <p className="mt-1 text-slate-700">
              <span className="text-slate-500">{t("requirement")}</span>
              {f.requirement}
            </p>
          )}
          {f.dueDate && (
            <p className="mt-0.5 text-xs text-slate-500">
              {t("dueDate")}
              <span className="num">{f.dueDate}</span>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
