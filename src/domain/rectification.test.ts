import { describe, expect, it } from "vitest";
import { addDays, bureauDate, isDueSoon, isOverdue } from "./rectification";

describe("bureauDate", () => {
  it("is the calendar date in Asia/Shanghai, whatever the instant's UTC date", () => {
    // 2021-03-31 16:00 UTC is 2021-04-01 00:00 in Shanghai.
    expect(bureauDate(new Date("2021-03-31T15:59:59Z"))).toBe("2021-03-31");
    expect(bureauDate(new Date("2021-03-31T16:00:00Z"))).toBe("2021-04-01");
    // Another zone gives another day for the same instant.
    expect(bureauDate(new Date("2021-03-31T16:00:00Z"), "America/New_York")).toBe("2021-03-31");
  });
  it("crosses month, year and leap-day boundaries", () => {
    expect(bureauDate(new Date("2020-12-31T16:30:00Z"))).toBe("2021-01-01");
    expect(bureauDate(new Date("2020-02-28T16:00:00Z"))).toBe("2020-02-29");
  });
});

describe("addDays", () => {
  it("moves across months, years and leap days", () => {
    expect(addDays("2020-02-28", 1)).toBe("2020-02-29");
    expect(addDays("2021-02-28", 1)).toBe("2021-03-01");
    expect(addDays("2021-12-30", 3)).toBe("2022-01-02");
    expect(addDays("2021-01-02", -3)).toBe("2020-12-30");
  });
});

describe("isOverdue", () => {
  const open = (deadline: string) => ({ status: "OPEN" as const, deadline });
  it("is overdue only from the day after the deadline, in Shanghai", () => {
    // 23:59 on the deadline day in Shanghai (15:59 UTC): still in time.
    expect(isOverdue(open("2021-09-30"), new Date("2021-09-30T15:59:00Z"))).toBe(false);
    // 00:00 the next day in Shanghai (16:00 UTC the same UTC day): overdue.
    expect(isOverdue(open("2021-09-30"), new Date("2021-09-30T16:00:00Z"))).toBe(true);
    // Early on the deadline day in Shanghai while UTC still shows the day before: in time.
    expect(isOverdue(open("2021-09-30"), new Date("2021-09-29T17:00:00Z"))).toBe(false);
  });
  it("never flags a closed item, and flags replied ones still waiting", () => {
    const now = new Date("2021-12-01T04:00:00Z");
    expect(isOverdue({ status: "CLOSED", deadline: "2021-09-30" }, now)).toBe(false);
    expect(isOverdue({ status: "REPLIED", deadline: "2021-09-30" }, now)).toBe(true);
    expect(isOverdue({ status: "OPEN", deadline: "2021-12-01" }, now)).toBe(false);
    expect(isOverdue({ status: "OPEN", deadline: "2021-11-30" }, now)).toBe(true);
  });
  it("depends on the zone given: the same instant is another day elsewhere", () => {
    const at = new Date("2021-09-30T20:00:00Z");
    expect(isOverdue(open("2021-09-30"), at)).toBe(true);
    expect(isOverdue(open("2021-09-30"), at, "Europe/London")).toBe(false);
  });
});

describe("isDueSoon", () => {
  const now = new Date("2021-06-10T02:00:00Z"); // 2021-06-10 in Shanghai
  it("covers today to three days ahead, not past deadlines nor closed items", () => {
    expect(isDueSoon({ status: "OPEN", deadline: "2021-06-10" }, now)).toBe(true);
    expect(isDueSoon({ status: "OPEN", deadline: "2021-06-13" }, now)).toBe(true);
    expect(isDueSoon({ status: "OPEN", deadline: "2021-06-14" }, now)).toBe(false);
    expect(isDueSoon({ status: "OPEN", deadline: "2021-06-09" }, now)).toBe(false);
    expect(isDueSoon({ status: "CLOSED", deadline: "2021-06-11" }, now)).toBe(false);
  });
});
