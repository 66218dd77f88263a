"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { LIMITS } from "@/lib/core/validation";
import type { ActionResult } from "@/lib/core/action-result";
import { FormError } from "../ui/FormError";

type Register = (input: { name: string; email: string; password: string }) => Promise<ActionResult<unknown>>;

export function RegisterForm(props: { callbackUrl: string; register: Register }) {
  const t = useTranslations("auth");
  const [error, setError] = useState<{ key: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setBusy(true);
    setError(null);
    const res = await props.register(input);
    if (!res.ok) {
      setBusy(false);
      const field = typeof res.error.details?.field === "string" ? res.error.details.field : undefined;
      setError({ key: res.error.message, ...(field ? { field } : {}) });
      return;
    }
    const signed = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    if (signed?.ok && !signed.error) window.location.assign(props.callbackUrl);
    else {
      setBusy(false);
      // Registration answers alike for a known address; a failed sign-in right after is how that shows.
      setError({ key: signed?.error === "credentials_invalid" || signed?.error === "CredentialsSignin" ? "register_signin_failed" : (signed?.error ?? "generic") });
    }
  }

  const invalid = (field: string) => (error?.field === field ? true : undefined);
  return (
    <div className="card stack">
      <h1>{t("registerTitle")}</h1>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <label>
          {t("name")}
          <input name="name" autoComplete="name" required maxLength={LIMITS.nameMax * 2} aria-invalid={invalid("name")} />
        </label>
        <label>
          {t("email")}
          <input name="email" type="email" autoComplete="email" required maxLength={LIMITS.emailMax} aria-invalid={invalid("email")} />
        </label>
        <label>
          {t("password")}
          <input name="password" type="password" autoComplete="new-password" required aria-invalid={invalid("password")} aria-describedby="pw-hint" />
          <span className="hint" id="pw-hint">{t("passwordHint", { min: LIMITS.passwordMin })}</span>
        </label>
        <FormError error={error?.key ?? null} />
        <button className="btn primary" type="submit" disabled={busy}>
          {busy ? t("creating") : t("register")}
        </button>
      </form>
      <p className="small">
        {t("haveAccount")} <Link href={`/signin?callbackUrl=${encodeURIComponent(props.callbackUrl)}`}>{t("signIn")}</Link>
      </p>
    </div>
  );
}
