"use client";

import { useTranslations } from "next-intl";
import type { ConnectionStatus } from "@/lib/collab/client";

/** The badge's words: the analysis pages say "live" where the compare view says "connected". */
const SHOWN = { connected: "live", syncing: "connecting", offline: "offline", refused: "offline" } as const;

/** "Live" / "Connecting…" / "Offline" badge of the page's collab session. */
export function LiveStatus({ status }: { status: ConnectionStatus }) {
  const t = useTranslations("themes.status");
  const shown = SHOWN[status];
  return (
    <span className="badge" data-testid="live-status" data-status={shown} role="status">
      {t(shown)}
    </span>
  );
}
