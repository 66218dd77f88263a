"use client";

import { useTranslations } from "next-intl";
import { useConnectionStatus, type WorkspaceSessionState } from "@/lib/collab/client/react";
import s from "./compare.module.css";

/** Connected / syncing / offline, always visible: people must know whether others see their edits. */
export function ConnectionBadge({ live }: { live: WorkspaceSessionState }) {
  const t = useTranslations("compare.connection");
  const state = useConnectionStatus(live);
  const detail = state === "offline" || state === "refused" ? t(`${state}Detail`) : null;
  return (
    <>
      <span className={s.connection} data-state={state} data-testid="connection-state" role="status" title={detail ?? t(state)}>
        <span className={s.dot} aria-hidden="true" />
        <span className={s.connectionText}>{t(state)}</span>
      </span>
      {detail && <p className={`${s.connectionDetail} small`} role="alert">{detail}</p>}
    </>
  );
}
