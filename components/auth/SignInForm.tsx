"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { FormError } from "../ui/FormError";

export function SignInForm(props: { callbackUrl: string; providers: { id: string; name: string }[]; initialError: string | null }) {
  const t = useTranslations("auth");
  const [error, setError] = useState<string | null>(props.initialError);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (res?.ok && !res.error) {
      // A full navigation so that server components see the new session cookie.
      window.location.assign(props.callbackUrl);
      return;
    }
    setBusy(false);
    setError(res?.error ?? "generic");
  }

  return (
    <div className="card stack">
      <h1>{t("signInTitle")}</h1>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <label>
          {t("email")}
          <input name="email" type="email" autoComplete="email" required maxLength={254} />
        </label>
        <label>
          {t("password")}
          <input name="password" type="password" autoComplete="current-password" required maxLength={1000} />
        </label>
        <FormError error={error} />
        <button className="btn primary" type="submit" disabled={busy}>
          {busy ? t("signingIn") : t("signIn")}
        </button>
      </form>
      {props.providers.length > 0 && (
        <div className="stack">
          <p className="muted small">{t("orWith")}</p>
          {props.providers.map((p) => (
            <button key={p.id} type="button" className="btn" onClick={() => void signIn(p.id, { callbackUrl: props.callbackUrl })}>
              {t("withProvider", { provider: p.name })}
            </button>
          ))}
        </div>
      )}
      <p className="small">
        {t("noAccount")} <Link href={`/register?callbackUrl=${encodeURIComponent(props.callbackUrl)}`}>{t("register")}</Link>
      </p>
    </div>
  );
}
