import { describe, expect, it } from "vitest";
import { engagementRefusals, ratingTotal, yearsBefore, type AgencyRecord } from "./rules";

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
});
