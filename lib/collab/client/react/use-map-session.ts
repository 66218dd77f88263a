"use client";

import { useEffect, useState } from "react";
import type * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";
import { createUndoManager } from "@/lib/collab/model";
import type { WorkspaceCommands } from "../commands/workspace-commands";
import type { ConnectionStatus } from "../session/workspace-session";
import { useDocumentDocs } from "./use-document-docs";
import { useWorkspaceCommands } from "./use-commands";
import { useConnectionStatus, useWorkspaceSession } from "./use-workspace-session";

/** What the map page needs of its session (scripts/bench/_map/session.ts stands in for it). */
export interface MapSessionState {
  /** False until the session exists (the map shows "loading"). */
  open: boolean;
  status: ConnectionStatus;
  meta: Y.Doc | null;
  documents: ReadonlyMap<string, Y.Doc> | null;
  /** Undo of this client's own map edits only (lib/collab/model/undo.ts). */
  undo: Y.UndoManager | null;
  awareness: Awareness | null;
  readOnly: boolean;
  /** The map's edits (links, nodes, positions), stamped with this user. */
  commands: WorkspaceCommands | null;
}

/**
 * The map page's session: the workspace doc (links, map nodes, positions, presence) and every
 * document's annotations doc (excerpts and themes of annotation nodes). The map is rendered
 * without a token: the first one is fetched.
 */
export function useMapSession(workspaceId: string, documentIds: readonly string[], user: { id: string; name: string }): MapSessionState {
  const state = useWorkspaceSession("fetch", workspaceId, user);
  const session = state.session;
  const status = useConnectionStatus(state);
  const commands = useWorkspaceCommands(session);
  const documents = useDocumentDocs(session, documentIds);
  const meta = session?.meta.doc ?? null;
  const [undo, setUndo] = useState<Y.UndoManager | null>(null);
  useEffect(() => {
    if (!meta) return;
    const u = createUndoManager(meta, "meta");
    // The undo manager is an external system (it observes the doc) whose lifetime is this effect's.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUndo(u);
    return () => {
      u.destroy();
      setUndo(null);
    };
  }, [meta]);
  return { open: !!session, status, meta, documents, undo, awareness: session?.awareness ?? null, readOnly: session?.readOnly() ?? true, commands };
}
