"use client";

import { useEffect, useState } from "react";
import { presenceColour } from "@/lib/core/compare/colours";
import { WorkspaceSession, type ConnectionStatus } from "../session/workspace-session";
import { fetchCollabGrant, type CollabGrant } from "../session/token-source";
import { useSnapshot } from "./use-snapshot";

export interface WorkspaceSessionState {
  /** Null until mounted (no sockets during server rendering) and when no session could start. */
  session: WorkspaceSession | null;
  /** True when no token could be had: there will be no session. */
  refused: boolean;
}

/**
 * The session's status, live. Read it in the component that shows it (a badge), not in the
 * page's root: every change would re-render the whole page (thousands of rows in the compare view).
 */
export function useConnectionStatus(state: WorkspaceSessionState): ConnectionStatus {
  const status = useSnapshot(state.session, "syncing");
  return state.refused ? "refused" : status;
}

/**
 * Opens the page's collab session for the component's lifetime. `grant` is the token and URL
 * the page was rendered with; `"fetch"` asks /api/collab-token first; null means the page got
 * none (collab server down): no session, status "refused". The first grant is kept: a page that
 * re-renders with a new token must not restart the connection.
 */
export function useWorkspaceSession(grant: CollabGrant | null | "fetch", workspaceId: string, user: { id: string; name: string }): WorkspaceSessionState {
  const [first] = useState(grant);
  const [session, setSession] = useState<WorkspaceSession | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  useEffect(() => {
    if (!first) return;
    let alive = true;
    let opened: WorkspaceSession | null = null;
    const start = (g: CollabGrant) => {
      if (!alive) return;
      performance.mark("synoptic:session");
      opened = new WorkspaceSession({ ...g, workspaceId, user: { id: user.id, name: user.name, color: presenceColour(user.id) } });
      setSession(opened);
    };
    // Published from a promise callback: the session is an external system this effect starts.
    void (first === "fetch" ? fetchCollabGrant() : Promise.resolve(first)).then(start, () => alive && setUnreachable(true));
    return () => {
      alive = false;
      opened?.destroy();
      setSession(null);
    };
  }, [first, workspaceId, user.id, user.name]);
  return { session, refused: unreachable };
}
