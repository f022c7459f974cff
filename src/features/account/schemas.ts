import { z } from "zod";
import { passwordSchema } from "@/domain/password-policy";

// The 修改密码 form. The check against the username happens in the service, which knows the account.
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "required").max(256),
    newPassword: passwordSchema,
    confirmPassword: z.string().min(1, "required"),
  })
  .superRefine((v, ctx) => {
    if (v.confirmPassword !== v.newPassword) {
      ctx.addIssue({ code: "custom", message: "passwordMismatch", path: ["confirmPassword"] });
    }
  });
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;
