"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { ThemeWorkspaceSession, type SessionStatus } from "./workspace-session";

/** Opens the session for the page's lifetime; null until mounted (no sockets during SSR). */
export function useThemeSession(collab: { url: string; token: string }, workspaceId: string, documentIds: readonly string[]): { session: ThemeWorkspaceSession | null; status: SessionStatus } {
  const [session, setSession] = useState<ThemeWorkspaceSession | null>(null);
  const key = documentIds.join(",");
  useEffect(() => {
    const s = new ThemeWorkspaceSession(collab.url, collab.token, workspaceId, key ? key.split(",") : []);
    let live = true;
    // Published from a microtask: the session is an external system the effect just started.
    queueMicrotask(() => live && setSession(s));
    return () => {
      live = false;
      s.destroy();
    };
  }, [collab.url, collab.token, workspaceId, key]);
  const status = useSyncExternalStore(
    (fn) => (session ? session.subscribe(fn) : () => {}),
    () => session?.status ?? "connecting",
    () => "connecting" as const,
  );
  return { session, status };
}
