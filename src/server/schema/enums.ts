import { pgEnum } from "drizzle-orm/pg-core";

export const ROLES = [
  "FINANCE_ADMIN",
  "FINANCE_REVIEWER",
  "EXPERT",
  "DEPT_FILER",
  "DEPT_APPROVER",
  "AGENCY",
  "LEADER",
  "SYS_ADMIN",
  "AUDITOR",
] as const;
export type Role = (typeof ROLES)[number];
export const roleEnum = pgEnum("role", ROLES);

export const ORG_KINDS = [
  "FINANCE_BUREAU",
  "FINANCE_DIVISION",
  "DEPARTMENT",
  "UNIT",
  "TOWNSHIP",
  "AGENCY",
  // 区人大常委会 and 区委区政府: the leaders' organisations. Only 人大 records 审议意见 (SPEC §2).
  "CONGRESS",
  "GOVERNMENT",
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const orgKindEnum = pgEnum("org_kind", ORG_KINDS);

export const AGENCY_TYPES = [
  "ACCOUNTING_FIRM",
  "CONSULTING",
  "ASSET_APPRAISAL",
  "LAW_FIRM",
  "RESEARCH_INSTITUTE",
  "UNIVERSITY",
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];
export const agencyTypeEnum = pgEnum("agency_type", AGENCY_TYPES);

export const PROJECT_KINDS = ["DEPT_SPECIAL", "GOV_INVESTMENT"] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export const projectKindEnum = pgEnum("project_kind", PROJECT_KINDS);

export const PROJECT_NOVELTIES = ["NEW", "CONTINUING"] as const;
export const projectNoveltyEnum = pgEnum("project_novelty", PROJECT_NOVELTIES);

export const PROJECT_DURATIONS = ["ONE_OFF", "RECURRING", "MULTI_YEAR"] as const;
export const projectDurationEnum = pgEnum("project_duration", PROJECT_DURATIONS);

export const SPECIAL_AREAS = [
  "GENERAL",
  "GOV_INVESTMENT_FUND",
  "PPP",
  "GOV_PROCUREMENT",
  "GOV_PURCHASED_SERVICE",
  "GOV_DEBT",
] as const;
export type SpecialArea = (typeof SPECIAL_AREAS)[number];
export const specialAreaEnum = pgEnum("special_area", SPECIAL_AREAS);

// The chain, in order. A project's stage is where it stands in it; the timeline on its page follows this list.
export const PROJECT_STAGES = [
  "DRAFT",
  "PRE_ASSESSMENT",
  "TARGET_SETTING",
  "BUDGETED",
  "MONITORING",
  "SELF_EVALUATION",
  "EVALUATED",
  "CLOSED",
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export const projectStageEnum = pgEnum("project_stage", PROJECT_STAGES);

export const AUDIT_RESULTS = ["SUCCESS", "FAILURE", "DENIED"] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];
export const auditResultEnum = pgEnum("audit_result", AUDIT_RESULTS);
