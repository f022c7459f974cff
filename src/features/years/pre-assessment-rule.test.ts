import { describe, expect, it } from "vitest";
import { needsPreAssessment, type PreAssessmentFacts } from "./pre-assessment-rule";

const base: PreAssessmentFacts = {
  kind: "DEPT_SPECIAL",
  novelty: "CONTINUING",
  isMajor: false,
  requestedAmount: "5000000.00",
};

describe("needsPreAssessment", () => {
  it("always flags government investment projects", () => {
    expect(needsPreAssessment({ ...base, kind: "GOV_INVESTMENT", requestedAmount: "1.00" }, "3000000")).toBe(
      true,
    );
  });

  it("flags new or major projects from the threshold up, inclusive", () => {
    expect(needsPreAssessment({ ...base, novelty: "NEW", requestedAmount: "3000000.00" }, "3000000")).toBe(
      true,
    );
    expect(needsPreAssessment({ ...base, isMajor: true, requestedAmount: "3000000.01" }, "3000000")).toBe(
      true,
    );
    expect(needsPreAssessment({ ...base, novelty: "NEW", requestedAmount: "2999999.99" }, "3000000")).toBe(
      false,
    );
  });

  it("leaves continuing, ordinary projects alone whatever their amount", () => {
    expect(needsPreAssessment({ ...base, requestedAmount: "900000000.00" }, "3000000")).toBe(false);
  });
});
