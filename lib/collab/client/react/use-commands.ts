"use client";

import { useMemo } from "react";
import { WorkspaceCommands } from "../commands/workspace-commands";
import type { WorkspaceSession } from "../session/workspace-session";

/** The page's changes to the workspace doc, stamped with the session's user; null until connected. */
export function useWorkspaceCommands(session: WorkspaceSession | null): WorkspaceCommands | null {
  return useMemo(() => (session ? new WorkspaceCommands(session.meta.doc, session.actor) : null), [session]);
}
