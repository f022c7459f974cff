import { integer, numeric, pgTable, timestamp } from "drizzle-orm/pg-core";

// A budget year and the rules that apply to it. Evaluation of year N's projects happens in year N+1.
export const fiscalYears = pgTable("fiscal_years", {
  year: integer("year").primaryKey(),
  // 事前评估: new or major projects at or above this requested amount (元) need a pre-assessment.
  preAssessmentThreshold: numeric("pre_assessment_threshold", { precision: 18, scale: 2 })
    .notNull()
    .default("3000000.00"),
  // Target-sheet and self-evaluation weights (points out of 100).
  weightOutput: integer("weight_output").notNull().default(50),
  weightBenefit: integer("weight_benefit").notNull().default(30),
  weightSatisfaction: integer("weight_satisfaction").notNull().default(10),
  weightExecution: integer("weight_execution").notNull().default(10),
  // Grade cut-offs: 优 ≥ excellent, 良 ≥ good, 中 ≥ pass, else 差.
  gradeExcellent: integer("grade_excellent").notNull().default(90),
  gradeGood: integer("grade_good").notNull().default(80),
  gradePass: integer("grade_pass").notNull().default(60),
  // 双监控: execution rate ÷ time elapsed, in percent; below red → red, below yellow → yellow, else green.
  warningRed: integer("warning_red").notNull().default(60),
  warningYellow: integer("warning_yellow").notNull().default(80),
  // An indicator deviating from its pro-rated target by more than this percent is flagged.
  indicatorDeviation: integer("indicator_deviation").notNull().default(20),
  // 结果应用: budget change suggested for next year by grade, in percent.
  suggestionExcellent: integer("suggestion_excellent").notNull().default(10),
  suggestionGood: integer("suggestion_good").notNull().default(0),
  suggestionPass: integer("suggestion_pass").notNull().default(-10),
  suggestionFail: integer("suggestion_fail").notNull().default(-30),
  // 部门预算绩效管理工作考核 (督考): the weight of each criterion (points out of 100), and the month of
  // the budget year by whose end the target sheets are due.
  assessTargetsOnTime: integer("assess_targets_on_time").notNull().default(15),
  assessSelfOnTime: integer("assess_self_on_time").notNull().default(15),
  assessCoverage: integer("assess_coverage").notNull().default(20),
  assessTargetQuality: integer("assess_target_quality").notNull().default(10),
  assessScoreGap: integer("assess_score_gap").notNull().default(15),
  assessNotices: integer("assess_notices").notNull().default(10),
  assessRectification: integer("assess_rectification").notNull().default(15),
  targetDueMonth: integer("target_due_month").notNull().default(3),
  passwordMaxAgeDays: integer("password_max_age_days").notNull().default(90),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type FiscalYear = typeof fiscalYears.$inferSelect;
