import { describe, expect, it } from "vitest";
import { daysLeft, isOverdue, startStatus, wanToYuan } from "./rules";

describe("the engagement fee", () => {
  it("turns 万元 as typed into exact yuan", () => {
    expect(wanToYuan("8.5")).toBe("85000.00");
    expect(wanToYuan("12")).toBe("120000.00");
    expect(wanToYuan("0.0001")).toBe("1.00");
    expect(wanToYuan("1234.5678")).toBe("12345678.00");
  });
});

describe("an engagement's course", () => {
  it("starts a project's evaluation in DRAFT and a department-wide one from RECEIVED, nothing else", () => {
    expect(startStatus("THIRD_PARTY")).toBe("DRAFT");
    expect(startStatus("DEPT_OVERALL")).toBe("RECEIVED");
    expect(startStatus("KEY")).toBeNull();
    expect(startStatus("SELF")).toBeNull();
  });
  it("is overdue after the deadline until the report is with finance", () => {
    expect(isOverdue("2021-06-30", "SCORING", "2021-07-01")).toBe(true);
    expect(isOverdue("2021-06-30", "SCORING", "2021-06-30")).toBe(false);
    expect(isOverdue("2021-06-30", "RETURNED", "2021-07-01")).toBe(true);
    expect(isOverdue("2021-06-30", "SUBMITTED", "2021-07-01")).toBe(false);
    expect(isOverdue("2021-06-30", "SETTLED", "2021-09-01")).toBe(false);
    expect(daysLeft("2021-07-10", "2021-07-01")).toBe(9);
    expect(daysLeft("2021-06-28", "2021-07-01")).toBe(-3);
  });
});
