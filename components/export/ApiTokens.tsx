"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ActionResult } from "@/lib/core/action-result";
import { FormError } from "../ui/FormError";
import { useAction } from "../ui/use-action";
import styles from "./export.module.css";

interface TokenView {
  id: string;
  name: string;
  prefix: string;
  workspaceId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
type Create = (i: { name: string; workspaceId?: string }) => Promise<ActionResult<TokenView & { token: string }>>;
type Revoke = (i: { tokenId: string }) => Promise<ActionResult<{ revoked: true }>>;

/** Personal tokens for the read-only REST API: create (shown once), list, revoke. */
export function ApiTokens(p: { workspaceId: string; tokens: TokenView[]; create: Create; revoke: Revoke }) {
  const t = useTranslations("export");
  const create = useAction(p.create);
  const revoke = useAction(p.revoke);
  const [name, setName] = useState("");
  const [onlyHere, setOnlyHere] = useState(true);
  const [shown, setShown] = useState<string | null>(null);

  return (
    <section className="card stack" aria-labelledby="api-tokens-title" data-testid="api-tokens">
      <h2 id="api-tokens-title" style={{ margin: 0 }}>{t("tokensTitle")}</h2>
      <p className="muted small">{t("tokensIntro", { path: `/api/v1/workspaces/${p.workspaceId}/annotations` })}</p>
      <form
        className="row"
        onSubmit={async (e) => {
          e.preventDefault();
          const made = await create.run({ name, ...(onlyHere ? { workspaceId: p.workspaceId } : {}) });
          if (made) {
            setShown(made.token);
            setName("");
          }
        }}
      >
        <label className="row small">{t("tokenName")}<input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required /></label>
        <label className={styles.check}><input type="checkbox" checked={onlyHere} onChange={(e) => setOnlyHere(e.target.checked)} />{t("tokenOnlyHere")}</label>
        <button className="btn" type="submit" disabled={create.busy || !name.trim()}>{t("tokenCreate")}</button>
      </form>
      <FormError error={create.error ?? revoke.error} />
      {shown && (
        <p className="alert ok" role="status">
          {t("tokenShownOnce")} <span className={styles.token} data-testid="api-token-value">{shown}</span>
        </p>
      )}
      <ul className="stack small" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {p.tokens.map((tok) => (
          <li key={tok.id} className="row">
            <strong>{tok.name}</strong>
            <span className={styles.token}>{tok.prefix}…</span>
            <span className="muted">{tok.lastUsedAt ? t("tokenLastUsed", { date: tok.lastUsedAt.slice(0, 10) }) : t("tokenNeverUsed")}</span>
            {tok.revokedAt ? (
              <span className="badge">{t("tokenRevoked")}</span>
            ) : (
              <button className="btn link" type="button" disabled={revoke.busy} onClick={() => void revoke.run({ tokenId: tok.id })}>{t("tokenRevoke")}</button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
