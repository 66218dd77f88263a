"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { Role } from "@/lib/core/roles";
import type { ActionResult } from "@/lib/core/action-result";
import { useAction } from "../ui/use-action";
import { FormError } from "../ui/FormError";

interface Created {
  path: string;
  email: string | null;
  mailed: boolean;
}
interface Pending {
  id: string;
  role: Role;
  email: string | null;
  expiresAt: string;
}

interface Props {
  workspaceId: string;
  assignable: Role[];
  pending: Pending[];
  create: (i: { workspaceId: string; role: Role; email?: string; expiresInDays: number }) => Promise<ActionResult<Created>>;
  revoke: (i: { workspaceId: string; invitationId: string }) => Promise<ActionResult<unknown>>;
}

/** Creates invitation links (optionally bound to an email) and lists pending ones. */
export function InvitePanel(p: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const create = useAction(p.create);
  const revoke = useAction(p.revoke);
  const [link, setLink] = useState<Created | null>(null);
  const [copied, setCopied] = useState(false);
  const url = link ? `${window.location.origin}${link.path}` : "";
  return (
    <section className="card stack">
      <h2>{t("members.inviteTitle")}</h2>
      <form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          setCopied(false);
          const email = String(f.get("email") ?? "").trim();
          const made = await create.run({
            workspaceId: p.workspaceId,
            role: String(f.get("role")) as Role,
            ...(email ? { email } : {}),
            expiresInDays: Number(f.get("days") ?? 7),
          });
          setLink(made);
        }}
      >
        <div className="row">
          <label>
            {t("members.inviteRole")}
            <select name="role" defaultValue="viewer" data-testid="invite-role">
              {p.assignable.map((r) => (
                <option key={r} value={r}>{t(`roles.${r}`)}</option>
              ))}
            </select>
          </label>
          <label>
            {t("members.inviteExpires")}
            <input name="days" type="number" min={1} max={30} defaultValue={7} style={{ width: "6rem" }} />
          </label>
        </div>
        <label>
          {t("members.inviteEmail")}
          <input name="email" type="email" autoComplete="off" maxLength={254} />
        </label>
        <FormError error={create.error} />
        <div>
          <button className="btn primary" type="submit" disabled={create.busy}>{t("members.createLink")}</button>
        </div>
      </form>
      {link && (
        <div className="stack" role="status">
          <p className="small">{t("members.linkReady")}</p>
          <div className="copybox">
            <input readOnly value={url} aria-label={t("members.linkReady")} data-testid="invite-link" onFocus={(e) => e.currentTarget.select()} />
            <button
              type="button"
              className="btn"
              onClick={async () => {
                await navigator.clipboard?.writeText(url).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? t("members.copied") : t("members.copy")}
            </button>
          </div>
          <p className="muted small">{link.mailed && link.email ? t("members.mailed", { email: link.email }) : t("members.notMailed")}</p>
        </div>
      )}
      <h3 className="small">{t("members.pending")}</h3>
      <FormError error={revoke.error} />
      {p.pending.length === 0 ? (
        <p className="muted small">{t("members.noPending")}</p>
      ) : (
        <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {p.pending.map((inv) => (
            <li key={inv.id} className="row small">
              <span className="badge">{t(`roles.${inv.role}`)}</span>
              <span>{inv.email ?? t("members.anyone")}</span>
              <span className="muted">{t("members.expires", { date: format.dateTime(new Date(inv.expiresAt), { dateStyle: "medium" }) })}</span>
              <button type="button" className="btn link" disabled={revoke.busy} onClick={() => void revoke.run({ workspaceId: p.workspaceId, invitationId: inv.id })}>
                {t("members.revoke")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
