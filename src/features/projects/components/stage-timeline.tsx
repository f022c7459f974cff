import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { PROJECT_STAGES, type ProjectStage } from "@/server/schema/enums";

type StepState = "done" | "current" | "pending";

/** Where each stage of the chain stands relative to the project's current one. */
export function stageStates(current: ProjectStage): Record<ProjectStage, StepState> {
  const at = PROJECT_STAGES.indexOf(current);
  return Object.fromEntries(
    PROJECT_STAGES.map((s, i) => [s, i < at ? "done" : i === at ? "current" : "pending"]),
  ) as Record<ProjectStage, StepState>;
}

const DOT: Record<StepState, string> = {
  done: "bg-brand-600 text-white",
  current: "bg-white text-brand-700 ring-2 ring-brand-600",
  pending: "bg-white text-slate-400 ring-1 ring-slate-300",
};

const LABEL: Record<StepState, string> = {
  done: "text-slate-800",
  current: "font-semibold text-brand-700",
  pending: "text-slate-500",
};

/**
 * The chain 项目申报 → … → 结果应用 with the project's place in it. Later modules attach what they
 * recorded at a stage (a conclusion, a score, a date) through `details`, shown under its label.
 */
export function StageTimeline({
  stage,
  details = {},
}: {
  stage: ProjectStage;
  details?: Partial<Record<ProjectStage, ReactNode>>;
}) {
  const te = useTranslations("enums.stage");
  const t = useTranslations("projects.timeline");
  const states = stageStates(stage);
  return (
    <ol aria-label={t("label")} className="grid gap-x-2 gap-y-4 sm:grid-cols-4 md:grid-cols-8">
      {PROJECT_STAGES.map((s, i) => {
        const state = states[s];
        const last = i === PROJECT_STAGES.length - 1;
        return (
          <li
            key={s}
            aria-current={state === "current" ? "step" : undefined}
            data-state={state}
            className="flex gap-3 sm:flex-col sm:gap-2"
          >
            <div className="flex items-center">
              <span
                className={`num flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${DOT[state]}`}
                aria-hidden="true"
              >
                {state === "done" ? (
                  <svg viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
                    <path
                      fillRule="evenodd"
                      d="M16.7 5.3a1 1 0 010 1.4l-8 8a1 1 0 01-1.4 0l-4-4a1 1 0 111.4-1.4L8 12.6l7.3-7.3a1 1 0 011.4 0z"
                      clipRule="evenodd"
                    />
                  </svg>
                ) : (
                  i + 1
                )}
              </span>
              {!last && (
                <span
                  aria-hidden="true"
                  className={`ml-2 hidden h-0.5 flex-1 rounded md:block ${state === "done" ? "bg-brand-600" : "bg-slate-200"}`}
                />
              )}
            </div>
            <div className="min-w-0">
              <div className={`text-sm ${LABEL[state]}`}>{te(s)}</div>
              <div className="text-xs text-slate-500">{t(state)}</div>
              {details[s] && <div className="mt-1 text-xs text-slate-600">{details[s]}</div>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
