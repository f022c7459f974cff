import { describe, expect, it } from "vitest";
import { canReview, reviewTransition } from "./flow";

describe("target sheet flow", () => {
  it("sends a submitted sheet to the department, then finance", () => {
    expect(reviewTransition("SUBMITTED", "DEPT_APPROVER", "approve")?.to).toBe("DEPT_APPROVED");
    expect(reviewTransition("SUBMITTED", "DEPT_APPROVER", "return")?.to).toBe("RETURNED");
    expect(reviewTransition("DEPT_APPROVED", "FINANCE_ADMIN", "approve")?.to).toBe("APPROVED");
    expect(reviewTransition("DEPT_APPROVED", "FINANCE_REVIEWER", "return")?.commentRequired).toBe(true);
  });
  it("refuses moves out of turn", () => {
    expect(reviewTransition("SUBMITTED", "FINANCE_ADMIN", "approve")).toBeUndefined();
    expect(reviewTransition("DEPT_APPROVED", "DEPT_APPROVER", "approve")).toBeUndefined();
    expect(reviewTransition("APPROVED", "FINANCE_ADMIN", "return")).toBeUndefined();
    expect(canReview("DRAFT", "DEPT_APPROVER")).toBe(false);
    expect(canReview("SUBMITTED", "DEPT_FILER")).toBe(false);
  });
});
