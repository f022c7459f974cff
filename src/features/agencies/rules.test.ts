import { describe, expect, it } from "vitest";
import { engagementRefusals, RATING_CRITERIA, ratingTotal, yearsBefore, type AgencyRecord } from "./rules";

const clean: AgencyRecord = {
  status: "ACTIVE",
  blacklistedOn: null,
  violations: [],
  conflictDepartmentIds: [],
};

describe("who may be engaged", () => {
  it("accepts an active agency with a clean record", () => {
    expect(engagementRefusals(clean, "d1", "2021-06-01")).toEqual([]);
  });
  it("refuses a suspended or blacklisted agency, and one blacklisted before even if active again", () => {
    expect(engagementRefusals({ ...clean, status: "SUSPENDED" }, "d1", "2021-06-01")).toEqual(["notActive"]);
    expect(
      engagementRefusals(
        { ...clean, status: "BLACKLISTED", blacklistedOn: "2020-01-01" },
        "d1",
        "2021-06-01",
      ),
    ).toEqual(["notActive", "blacklisted"]);
    expect(engagementRefusals({ ...clean, blacklistedOn: "2015-03-01" }, "d1", "2021-06-01")).toEqual([
      "blacklisted",
    ]);
  });
  it("counts a violation within three years to the day", () => {
    const at = (occurredOn: string) =>
      engagementRefusals({ ...clean, violations: [{ occurredOn }] }, "d1", "2021-06-01");
    expect(at("2018-06-02")).toEqual(["recentViolation"]);
    expect(at("2018-06-01")).toEqual([]);
    expect(at("2021-06-02")).toEqual([]);
  });
  it("refuses a department the agency declared a conflict with, and only that one", () => {
    const a = { ...clean, conflictDepartmentIds: ["d1"] };
    expect(engagementRefusals(a, "d1", "2021-06-01")).toEqual(["conflict"]);
    expect(engagementRefusals(a, "d2", "2021-06-01")).toEqual([]);
  });
  it("steps back three years, leap days included", () => {
    expect(yearsBefore("2024-02-29", 3)).toBe("2021-02-28");
    expect(yearsBefore("2021-06-01", 3)).toBe("2018-06-01");
  });
});

describe("rating an engagement", () => {
  it("adds the four criteria to 100 at most", () => {
    expect(ratingTotal({ quality: 36.5, timeliness: 18, independence: 20, compliance: 17 })).toBe(91.5);
    expect(ratingTotal({ quality: 41, timeliness: 18, independence: 20, compliance: 17 })).toBeNull();
    expect(ratingTotal({ quality: 30, timeliness: 18, independence: 20 })).toBeNull();
  });
  it("gives full marks 100 and nothing 0, each criterion at its own maximum", () => {
    expect(ratingTotal(RATING_CRITERIA)).toBe(100);
    expect(Object.values(RATING_CRITERIA).reduce((a, b) => a + b, 0)).toBe(100);
    expect(ratingTotal({ quality: 0, timeliness: 0, independence: 0, compliance: 0 })).toBe(0);
    expect(ratingTotal({ ...RATING_CRITERIA, timeliness: 20.01 })).toBeNull();
  });
  it("adds hundredths exactly, and refuses a negative or non-numeric criterion", () => {
    // 0.1 + 0.2 is not 0.3 in floating point; the total is rounded to the hundredth.
    expect(ratingTotal({ quality: 39.9, timeliness: 0.1, independence: 0.2, compliance: 19.99 })).toBe(60.19);
    expect(ratingTotal({ quality: 33.33, timeliness: 16.67, independence: 16.67, compliance: 16.66 })).toBe(
      83.33,
    );
    expect(ratingTotal({ quality: -1, timeliness: 18, independence: 20, compliance: 17 })).toBeNull();
    expect(ratingTotal({ quality: Number.NaN, timeliness: 18, independence: 20, compliance: 17 })).toBeNull();
  });
});
