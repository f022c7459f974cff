import { z } from "zod";
import { AGENCY_TYPES } from "@/server/schema/enums";
import { AGENCY_STATUSES } from "@/server/schema/agencies";

// One schema per form of the agency registry, shared by the form and its action.

const text = (max: number) => z.string().trim().max(max).default("");
const required = (max: number) => z.string().trim().min(1, "required").max(max);
// 统一社会信用代码: 18 characters, digits and capital letters (without I, O, S, V, Z).
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export const profileFields = {
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === "" || CREDIT_CODE.test(v), "creditCode")
    .default(""),
  qualifications: text(2000),
  contactName: text(50),
  contactPhone: z
    .string()
    .trim()
    .refine((v) => v === "" || /^[0-9+\-\s()]{7,20}$/.test(v), "phone")
    .default(""),
  address: text(200),
};

export const createAgencySchema = z.object({
  name: required(100),
  agencyType: z.enum(AGENCY_TYPES),
  ...profileFields,
});
export type CreateAgencyInput = z.output<typeof createAgencySchema>;

export const updateProfileSchema = z.object({
  agencyId: z.guid(),
  version: z.coerce.number().int().min(1),
  ...profileFields,
});
export type UpdateProfileInput = z.output<typeof updateProfileSchema>;

export const setStatusSchema = z
  .object({
    agencyId: z.guid(),
    version: z.coerce.number().int().min(1),
    status: z.enum(AGENCY_STATUSES),
    reason: text(500),
  })
  // Suspending or blacklisting says why.
  .refine((v) => v.status === "ACTIVE" || v.reason.length > 0, { path: ["reason"], message: "statusReason" });
export type SetStatusInput = z.output<typeof setStatusSchema>;

export const addStaffSchema = z.object({
  agencyId: z.guid(),
  name: required(50),
  title: text(50),
  qualification: text(100),
});
export type AddStaffInput = z.output<typeof addStaffSchema>;

export const removeStaffSchema = z.object({ agencyId: z.guid(), staffId: z.guid() });
export type RemoveStaffInput = z.output<typeof removeStaffSchema>;

export const recordViolationSchema = z.object({
  agencyId: z.guid(),
  occurredOn: z.iso.date(),
  description: required(1000),
  penalty: text(500),
});
export type RecordViolationInput = z.output<typeof recordViolationSchema>;

export const declareConflictSchema = z.object({
  agencyId: z.guid(),
  departmentId: z.guid(),
  reason: required(500),
});
export type DeclareConflictInput = z.output<typeof declareConflictSchema>;

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const lenient = <T extends z.ZodType>(schema: T) =>
  z.preprocess(firstValue, schema.optional()).catch(undefined);
export const agencyListParamsSchema = z.object({
  type: lenient(z.enum(AGENCY_TYPES)),
  status: lenient(z.enum(AGENCY_STATUSES)),
  q: lenient(z.string().trim().max(100)),
});
