import { hundredthsToText } from "@/domain/evaluation";
import type { TemplateProblem } from "@/domain/evaluation-templates";
import type { FieldMessage } from "@/server/errors";

// How a template's problems reach the editor (pure, no I/O).

/** templateProblems as the editor shows them: per line under its field, the sums above the lines. */
export function problemMessages(problems: TemplateProblem[]): Record<string, FieldMessage[]> {
  const out: Record<string, FieldMessage[]> = {};
  const add = (k: string, m: FieldMessage) => (out[k] ??= []).push(m);
  for (const p of problems) {
    if (p.code === "EMPTY") add("_form", "evaluationTemplates.empty");
    else if (p.code === "BAD_DIMENSION") add(`lines.${p.index}.level1`, "evaluationTemplates.badDimension");
    else if (p.code === "BAD_POINTS") add(`lines.${p.index}.maxPoints`, "evaluationTemplates.badPoints");
    else if (p.code === "TOTAL_NOT_100")
      add("total", {
        key: "errors.evaluationTemplates.totalNot100",
        values: { total: hundredthsToText(p.total) },
      });
    else
      add("share", {
        key: "errors.evaluationTemplates.shareTooLow",
        values: { share: hundredthsToText(p.share) },
      });
  }
  return out;
}
