import { describe, expect, it } from "vitest";
import { planImport, type ImportTarget } from "./rules";

const targets = new Map<string, ImportTarget>([
  [
    "2020-D03-0001",
    {
      evaluationId: "e1",
      version: 3,
      lines: [
        { id: "l1", maxPoints: "20.00" },
        { id: "l2", maxPoints: "10.00" },
      ],
    },
  ],
]);
const row = (n: number, seq: string, points: string, code = "2020-D03-0001") => ({
  row: n,
  code,
  seq,
  actualValue: " 完成 ",
  points,
  note: "",
});

describe("the self-evaluation import plan", () => {
  it("maps rows to lines by project code and number, normalising points", () => {
    const { issues, plan } = planImport(
      [row(2, "1", "19.5"), row(3, "2", "")],
      [{ row: 2, code: "2020-D03-0001", budget: "1,000,000", executed: "900000.5" }],
      targets,
    );
    expect(issues).toEqual([]);
    expect(plan.lines.get("e1")).toEqual([
      { id: "l1", actualValue: "完成", points: "19.50", note: "" },
      { id: "l2", actualValue: "完成", points: "", note: "" },
    ]);
    expect(plan.budgets.get("e1")).toEqual({ budget: "1000000", executed: "900000.5" });
  });

  it("reports every wrong row with its sheet and number", () => {
    const { issues } = planImport(
      [
        row(2, "1", "25"),
        row(3, "2", "abc"),
        row(4, "9", "1"),
        row(5, "1", "1", "2020-D01-0001"),
        row(6, "2", "1"),
        row(7, "2", "1"),
      ],
      [{ row: 2, code: "2020-D03-0001", budget: "-5", executed: "" }],
      targets,
    );
    expect(issues.map((i) => `${i.sheet}:${i.row}:${i.code}`)).toEqual([
      "scores:2:pointsOverMax",
      "scores:3:pointsInvalid",
      "scores:4:unknownIndicator",
      "scores:5:unknownProject",
      // Rows 6 and 7 name indicator 2 again after row 3 did (wrongly, but it did).
      "scores:6:duplicate",
      "scores:7:duplicate",
      "budget:2:amountInvalid",
    ]);
    expect(issues[0]!.values).toEqual({ value: "25", max: "20.00" });
  });
});
