"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setError(null);
        start(async () => {
          const res = await signIn("credentials", {
            redirect: false,
            username: String(form.get("username") ?? ""),
            password: String(form.get("password") ?? ""),
          });
          if (res?.ok && !res.error) {
            router.replace(callbackUrl);
            router.refresh();
          } else {
            setError(res?.error === "CredentialsSignin" || res?.status === 401 ? t("invalid") : t("failed"));
          }
        });
      }}
    >
      <Field id="username" label={t("username")}>
        <input
          {...fieldA11y("username")}
          name="username"
          autoComplete="username"
          required
          autoFocus
          className={inputClass}
        />
      </Field>
      <Field id="password" label={t("password")} error={error ?? undefined}>
        <input
          {...fieldA11y("password", error ?? undefined)}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
