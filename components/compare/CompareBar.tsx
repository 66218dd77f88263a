"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { MAX_PANES } from "@/lib/core/compare";
import { Avatars } from "./Avatars";
import type { WorkspaceSessionState } from "@/lib/collab/client/react";
import { ConnectionBadge } from "./ConnectionBadge";
import type { CompareData } from "./types";
import { uniqueUsers } from "@/lib/collab/client";
import { useAwareness } from "@/lib/collab/client/react";
import s from "./compare.module.css";

interface Props {
  data: CompareData;
  order: string[];
  /** The page session (the badge subscribes to its status here, not in the view). */
  live: WorkspaceSessionState;
  me: { id: string; name: string; color: string };
  sync: boolean;
  onSync(on: boolean): void;
  onAdd(documentId: string): void;
  onCopied(): void;
  /** Further view controls (the "colour by" switch). */
  children?: ReactNode;
}

/** The view's bar: add a document, scroll together, copy the link, who is here, connection state. */
export function CompareBar({ data, order, live, me, sync, onSync, onAdd, onCopied, children }: Props) {
  const t = useTranslations("compare");
  const peers = useAwareness(live.session?.awareness);
  const people = [me, ...uniqueUsers(peers).filter((u) => u.id !== me.id)];
  const available = data.documents.filter((d) => !order.includes(d.id));
  const full = order.length >= MAX_PANES;
  return (
    <div className={s.bar} data-testid="compare-bar">
      <h1 className={s.barTitle}>{t("pageTitle")}</h1>
      <label className={s.picker}>
        <span className={s.srOnly}>{t("addDocument")}</span>
        <select
          value=""
          disabled={full || available.length === 0}
          onChange={(e) => e.target.value && onAdd(e.target.value)}
          title={full ? t("full") : t("addDocument")}
          data-testid="add-document"
        >
          <option value="">{full ? t("full") : t("addPlaceholder")}</option>
          {available.map((d) => (
            <option key={d.id} value={d.id} lang={d.language ?? undefined}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      <label className={s.syncToggle}>
        <input type="checkbox" checked={sync} onChange={(e) => onSync(e.target.checked)} data-testid="sync-scroll" />
        {t("syncScroll")}
      </label>
      {children}
      <button
        type="button"
        className="btn small"
        onClick={() => void navigator.clipboard?.writeText(window.location.href).then(onCopied, () => {})}
        data-testid="copy-link"
      >
        {t("copyLink")}
      </button>
      <span className={s.barSpacer} />
      <Avatars users={people.map((u) => (u.id === me.id ? { ...u, name: t("presence.you", { name: u.name }) } : u))} label={t("presence.workspace")} max={6} testId="workspace-presence" />
      <ConnectionBadge live={live} />
    </div>
  );
}
