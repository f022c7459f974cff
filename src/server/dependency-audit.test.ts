import { describe, expect, it } from "vitest";
import { auditVerdict, parseAllowList } from "./dependency-audit";

// The shape `npm audit --json` prints (report version 2): a vulnerable package names its advisories,
// a package that is vulnerable only through another names that package.
const report = (severity: string) => ({
  auditReportVersion: 2,
  vulnerabilities: {
    "left-pad": {
      name: "left-pad",
      severity,
      via: [
        {
          source: 1099999,
          name: "left-pad",
          title: "Prototype pollution",
          url: "https://github.com/advisories/GHSA-abcd-1234-wxyz",
          severity,
        },
      ],
    },
    "uses-left-pad": { name: "uses-left-pad", severity, via: ["left-pad"] },
  },
  metadata: {},
});
const today = new Date("2026-11-27T08:00:00Z");
const accept = (until: string) =>
  parseAllowList([
    { advisory: "GHSA-abcd-1234-wxyz", package: "left-pad", reason: "not reachable: build tool only", until },
  ]);

describe("dependency audit verdict", () => {
  it("fails on a high or critical advisory nobody accepted, naming it once", () => {
    for (const severity of ["high", "critical"]) {
      const v = auditVerdict(report(severity), [], today);
      expect(v.status).toBe("fail");
      expect(v.lines).toEqual([`${severity} GHSA-abcd-1234-wxyz in left-pad: Prototype pollution`]);
    }
  });

  it("passes moderate and low advisories", () => {
    expect(auditVerdict(report("moderate"), [], today).status).toBe("pass");
    expect(auditVerdict(report("low"), [], today).status).toBe("pass");
    expect(auditVerdict({ auditReportVersion: 2, vulnerabilities: {} }, [], today)).toEqual({
      status: "pass",
      lines: [],
    });
  });

  it("accepts an allowed advisory until its date, with the reason shown, and fails after it", () => {
    const ok = auditVerdict(report("high"), accept("2026-12-31"), today);
    expect(ok.status).toBe("pass");
    expect(ok.lines[0]).toContain("not reachable: build tool only");
    const expired = auditVerdict(report("high"), accept("2026-11-26"), today);
    expect(expired.status).toBe("fail");
    expect(expired.lines[0]).toContain("acceptance ended 2026-11-26");
  });

  it("does not let an acceptance for one package cover another", () => {
    const other = parseAllowList([
      { advisory: "GHSA-abcd-1234-wxyz", package: "right-pad", reason: "other package", until: "2027-01-01" },
    ]);
    expect(auditVerdict(report("critical"), other, today).status).toBe("fail");
  });

  it("says the audit was not checked when the registry refused it", () => {
    const v = auditVerdict({ error: { summary: "405 Method Not Allowed" } }, [], today);
    expect(v).toEqual({ status: "unchecked", lines: ["npm audit: 405 Method Not Allowed"] });
    // What npm prints when the registry answers the audit request with an HTTP error.
    const refused = {
      message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
      statusCode: 405,
    };
    expect(auditVerdict(refused, [], today).status).toBe("unchecked");
  });

  it("refuses an allow-list entry without a reason or a date", () => {
    expect(() =>
      parseAllowList([{ advisory: "GHSA-x", package: "p", reason: " ", until: "2027-01-01" }]),
    ).toThrow(/reason/);
    expect(() => parseAllowList([{ advisory: "GHSA-x", package: "p", reason: "r", until: "soon" }])).toThrow(
      /until/,
    );
    expect(() => parseAllowList({})).toThrow(/list/);
  });
});
