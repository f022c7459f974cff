import { describe, expect, it } from "vitest";
import { templateProblems } from "@/domain/evaluation-templates";
import { problemMessages } from "./rules";

const line = (level1: string, maxPoints: string) => ({ level1, maxPoints });

describe("template problems as the editor shows them", () => {
  it("puts a wrong dimension and wrong points under the line's own field", () => {
    const problems = templateProblems("PROJECT", [
      line("DECISION", "20"),
      line("RUNNING_COST", "20"),
      line("OUTPUT", "abc"),
      line("EFFECT", "60"),
    ]);
    const messages = problemMessages(problems);
    expect(messages["lines.1.level1"]).toEqual(["evaluationTemplates.badDimension"]);
    expect(messages["lines.2.maxPoints"]).toEqual(["evaluationTemplates.badPoints"]);
  });

  it("reports the total and the 产出+效益 share above the lines, with the figures", () => {
    const messages = problemMessages(
      templateProblems("PROJECT", [
        line("DECISION", "25"),
        line("PROCESS", "25.5"),
        line("OUTPUT", "30"),
        line("EFFECT", "20"),
      ]),
    );
    expect(messages.total).toEqual([
      { key: "errors.evaluationTemplates.totalNot100", values: { total: "100.50" } },
    ]);
    // 50 of 100.5 points is 49.75%.
    expect(messages.share).toEqual([
      { key: "errors.evaluationTemplates.shareTooLow", values: { share: "49.75" } },
    ]);
  });

  it("has nothing to say about a valid template, and flags an empty one as a whole", () => {
    expect(
      problemMessages(
        templateProblems("PROJECT", [
          line("DECISION", "20"),
          line("PROCESS", "20"),
          line("OUTPUT", "30"),
          line("EFFECT", "30"),
        ]),
      ),
    ).toEqual({});
    expect(problemMessages(templateProblems("TOWNSHIP", []))).toEqual({
      _form: ["evaluationTemplates.empty"],
    });
  });
});
