"use client";

import { useEffect, useState } from "react";
import type * as Y from "yjs";
import type { WorkspaceSession } from "../session/workspace-session";

/**
 * The annotations docs of `documentIds` on the page's session, by document id, open while the
 * component is mounted (the map and the analysis pages read every document of the workspace).
 * Null until the session exists.
 */
export function useDocumentDocs(session: WorkspaceSession | null, documentIds: readonly string[]): ReadonlyMap<string, Y.Doc> | null {
  const key = documentIds.join(",");
  const [docs, setDocs] = useState<{ session: WorkspaceSession; map: ReadonlyMap<string, Y.Doc> } | null>(null);
  useEffect(() => {
    if (!session) return;
    const opened = (key ? key.split(",") : []).map((id) => [id, session.open(id)] as const);
    // The docs are external systems whose lifetime is this effect's.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setDocs({ session, map: new Map(opened.map(([id, d]) => [id, d.annotations.doc])) });
    return () => {
      for (const [, d] of opened) d.destroy();
    };
  }, [session, key]);
  return docs && docs.session === session ? docs.map : null;
}
