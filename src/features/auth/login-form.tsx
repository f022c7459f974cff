"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";
import { SIGN_IN_BAD_CODE, SIGN_IN_NEEDS_CODE, SIGN_IN_THROTTLED } from "./sign-in-errors";

type Credentials = { username: string; password: string };

/**
 * Name and password; for an account with two-factor sign-in, then the code from the authenticator
 * app (or a recovery code). The password is kept in memory only until the code is sent with it.
 */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  // Set once the password was right and the account asks for a second factor.
  const [awaitingCode, setAwaitingCode] = useState<Credentials | null>(null);

  function submit(credentials: Credentials, code?: string) {
    setError(null);
    start(async () => {
      const res = await signIn("credentials", { redirect: false, ...credentials, ...(code ? { code } : {}) });
      if (res?.ok && !res.error) {
        router.replace(callbackUrl);
        router.refresh();
      } else if (res?.error === SIGN_IN_NEEDS_CODE) {
        setAwaitingCode(credentials);
      } else if (res?.error === SIGN_IN_BAD_CODE) {
        setError(t("badCode"));
      } else if (res?.error === SIGN_IN_THROTTLED) {
        setError(t("throttled"));
      } else {
        setAwaitingCode(null);
        setError(res?.error === "CredentialsSignin" || res?.status === 401 ? t("invalid") : t("failed"));
      }
    });
  }

  if (awaitingCode)
    return (
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit(awaitingCode, String(new FormData(e.currentTarget).get("code") ?? ""));
        }}
      >
        <p className="text-sm text-slate-600">{t("codePrompt", { username: awaitingCode.username })}</p>
        <Field id="code" label={t("code")} error={error ?? undefined} hint={t("codeHint")}>
          <input
            {...fieldA11y("code", error ?? undefined)}
            aria-describedby={error ? "code-error" : "code-hint"}
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            maxLength={32}
            required
            autoFocus
            className={inputClass}
          />
        </Field>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? t("signingIn") : t("verify")}
        </Button>
        <button
          type="button"
          className="w-full text-center text-sm text-brand-700 hover:underline"
          onClick={() => {
            setAwaitingCode(null);
            setError(null);
          }}
        >
          {t("back")}
        </button>
      </form>
    );

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        submit({
          username: String(form.get("username") ?? ""),
          password: String(form.get("password") ?? ""),
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
