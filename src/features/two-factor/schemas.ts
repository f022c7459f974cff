import { z } from "zod";

// The enrolment form: the first code the authenticator app shows after scanning.
export const confirmTotpSchema = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "totpCode")),
});
export type ConfirmTotpInput = z.output<typeof confirmTotpSchema>;

export const resetTotpSchema = z.object({ id: z.uuid() });
export type ResetTotpInput = z.output<typeof resetTotpSchema>;
