import { describe, expect, it } from "vitest";
import { belongsTo, directionOf, level1Of } from "./levels";
import {
  centsToText,
  checkSheet,
  isInputName,
  isInputUnit,
  issuesToFieldErrors,
  isVague,
  pointsByLevel,
  pointsToCents,
  type IndicatorDraft,
} from "./rules";

const WEIGHTS = { OUTPUT: 50, BENEFIT: 30, SATISFACTION: 10 };

const row = (patch: Partial<IndicatorDraft> = {}): IndicatorDraft => ({
  level1: "OUTPUT",
  level2: "QUANTITY",
  name: "资助学生人数",
  operator: "GTE",
  targetValue: "1200",
  unit: "人次",
  points: "25",
  ...patch,
});

const goodSheet = () => ({
  overallGoal: "完成全年学生资助工作，保障家庭经济困难学生顺利完成学业。",
  indicators: [
    row(),
    row({ level2: "TIMELINESS", name: "资助资金发放及时率", targetValue: "100", unit: "%", points: "25" }),
    row({
      level1: "BENEFIT",
      level2: "SOCIAL",
      name: "困难学生辍学率",
      operator: "LTE",
      targetValue: "0.5",
      unit: "%",
      points: "18.5",
    }),
    row({
      level1: "BENEFIT",
      level2: "SUSTAINABLE",
      name: "资助政策长效机制",
      operator: "QUALITATIVE",
      targetValue: "形成年度资助工作制度并公开",
      unit: "",
      points: "11.5",
    }),
    row({
      level1: "SATISFACTION",
      level2: "SERVICE_SATISFACTION",
      name: "学生及家长满意度",
      targetValue: "90",
      unit: "%",
      points: "10",
    }),
  ],
});

const codes = (sheet: ReturnType<typeof goodSheet>) =>
  checkSheet(sheet, WEIGHTS).map((i) => `${i.row}:${i.field}:${i.code}`);

describe("levels", () => {
  it("keeps every level-2 under its own level-1", () => {
    expect(belongsTo("OUTPUT", "QUANTITY")).toBe(true);
    expect(belongsTo("OUTPUT", "SOCIAL")).toBe(false);
    expect(belongsTo("SATISFACTION", "SERVICE_SATISFACTION")).toBe(true);
    expect(level1Of("ECOLOGICAL")).toBe("BENEFIT");
  });
  it("derives the direction from the operator", () => {
    expect(directionOf("GTE")).toBe("HIGHER_BETTER");
    expect(directionOf("LTE")).toBe("LOWER_BETTER");
    expect(directionOf("EQ")).toBe("EXACT");
    expect(directionOf("QUALITATIVE")).toBe("EXACT");
  });
});

describe("quality checks", () => {
  it("passes a well-formed sheet", () => {
    expect(codes(goodSheet())).toEqual([]);
  });

  it("requires the overall goal", () => {
    expect(codes({ ...goodSheet(), overallGoal: "  " })).toEqual(["null:overallGoal:goalRequired"]);
  });

  it("requires a number and a unit on a quantitative indicator, on its row", () => {
    const s = goodSheet();
    s.indicators[1] = { ...s.indicators[1]!, targetValue: "及时", unit: "" };
    expect(codes(s)).toEqual(["1:targetValue:targetNotNumber", "1:unit:unitRequired"]);
  });

  it("flags vague qualitative targets with no measure", () => {
    const s = goodSheet();
    s.indicators[3] = { ...s.indicators[3]!, targetValue: "进一步提高资助水平" };
    expect(codes(s)).toEqual(["3:targetValue:vague"]);
    expect(isVague("服务质量", "明显改善")).toBe(true);
    expect(isVague("加强管理", "制度执行率达到95%")).toBe(false);
    expect(isVague("档案管理规范性", "规范")).toBe(false);
  });

  it("refuses inputs (money, staff) as targets", () => {
    expect(isInputName("专项资金投入")).toBe(true);
    expect(isInputName("经费到位率")).toBe(true);
    expect(isInputName("安排预算资金")).toBe(true);
    expect(isInputName("新增编制数")).toBe(true);
    expect(isInputName("配备工作人员数量")).toBe(true);
    expect(isInputName("资金支付进度")).toBe(false);
    expect(isInputName("培训人员数量")).toBe(false);
    expect(isInputName("规划编制按期完成率")).toBe(false);
    expect(isInputUnit("OUTPUT", "QUANTITY", "万元")).toBe(true);
    expect(isInputUnit("OUTPUT", "COST", "万元")).toBe(false);
    expect(isInputUnit("BENEFIT", "ECONOMIC", "万元")).toBe(false);
    const s = goodSheet();
    s.indicators[0] = { ...s.indicators[0]!, name: "专项资金投入", unit: "万元" };
    expect(codes(s)).toEqual(["0:name:inputAsTarget", "0:unit:inputMoneyUnit"]);
  });

  it("checks level-2 belongs to level-1", () => {
    const s = goodSheet();
    s.indicators[0] = { ...s.indicators[0]!, level2: "SOCIAL" };
    expect(codes(s)).toEqual(["0:level2:level2Mismatch"]);
  });

  it("requires positive points with at most two decimals", () => {
    const s = goodSheet();
    s.indicators[4] = { ...s.indicators[4]!, points: "abc" };
    expect(codes(s)).toContain("4:points:pointsInvalid");
  });

  it("adds points per level to the year's weights", () => {
    const s = goodSheet();
    s.indicators[2] = { ...s.indicators[2]!, points: "18" };
    const issues = checkSheet(s, WEIGHTS);
    expect(issues).toEqual([
      {
        row: null,
        field: "level1",
        code: "pointsSum",
        level1: "BENEFIT",
        values: { actual: "29.5", expected: "30" },
      },
    ]);
    expect(
      checkSheet(goodSheet(), { OUTPUT: 60, BENEFIT: 20, SATISFACTION: 10 }).map((i) => i.level1),
    ).toEqual(["OUTPUT", "BENEFIT"]);
  });

  it("requires at least one indicator per level", () => {
    const s = goodSheet();
    s.indicators = s.indicators.filter((i) => i.level1 !== "SATISFACTION");
    expect(codes(s)).toEqual(["null:level1:levelEmpty"]);
  });

  it("maps issues to field errors by row", () => {
    expect(
      issuesToFieldErrors([
        { row: 2, field: "unit", code: "unitRequired" },
        { row: null, field: "level1", code: "levelEmpty", level1: "OUTPUT" },
        { row: null, field: "overallGoal", code: "goalRequired" },
      ]),
    ).toEqual({
      "indicators.2.unit": [{ key: "targets.quality.unitRequired", values: { level: "" } }],
      "level.OUTPUT": [
        { key: "targets.quality.levelEmpty", values: { level: { key: "targets.level1.OUTPUT" } } },
      ],
      overallGoal: [{ key: "targets.quality.goalRequired", values: { level: "" } }],
    });
  });
});

describe("points arithmetic", () => {
  it("sums exactly in hundredths", () => {
    expect(pointsToCents("12.5")).toBe(1250);
    expect(pointsToCents("0.1")).toBe(10);
    expect(pointsToCents("")).toBe(0);
    expect(pointsToCents("1.234")).toBeNull();
    expect(pointsToCents("101")).toBeNull();
    const sums = pointsByLevel([
      { level1: "OUTPUT", points: "0.1" },
      { level1: "OUTPUT", points: "0.2" },
    ]);
    expect(sums.OUTPUT).toBe(30);
    expect(centsToText(sums.OUTPUT)).toBe("0.3");
    expect(centsToText(5000)).toBe("50");
  });
});
