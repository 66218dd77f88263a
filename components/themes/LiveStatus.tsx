"use client";

import { useTranslations } from "next-intl";
import type { SessionStatus } from "./workspace-session";

/** "Live" / "Connecting…" / "Offline" badge of the page's collab session. */
export function LiveStatus({ status }: { status: SessionStatus }) {
  const t = useTranslations("themes.status");
  return (
    <span className="badge" data-testid="live-status" data-status={status} role="status">
      {t(status)}
    </span>
  );
}
