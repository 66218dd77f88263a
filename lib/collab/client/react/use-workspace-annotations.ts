"use client";

import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { NO_ANNOTATIONS, watchWorkspaceAnnotations, type WorkspaceAnnotations } from "../stores/workspace-annotations";

/**
 * Live annotations of several documents' Y.Docs, published at most once per animation frame,
 * so a burst of remote tags costs one recomputation. The matrix, the theme manager and the
 * argument map read them through this hook.
 */
export function useWorkspaceAnnotations(docs: ReadonlyMap<string, Y.Doc> | null): WorkspaceAnnotations {
  const [state, setState] = useState<{ docs: ReadonlyMap<string, Y.Doc> | null; value: WorkspaceAnnotations }>({ docs: null, value: NO_ANNOTATIONS });
  useEffect(() => {
    if (!docs) return;
    let frame: number | null = null;
    const watch = watchWorkspaceAnnotations(docs, () => {
      if (frame === null) frame = requestAnimationFrame(publish);
    });
    function publish() {
      frame = null;
      setState({ docs, value: watch.read() });
    }
    publish();
    return () => {
      if (frame !== null) cancelAnimationFrame(frame);
      watch.stop();
    };
  }, [docs]);
  // Until the effect has read the docs given now, a snapshot of other docs is not theirs.
  return state.docs === docs ? state.value : NO_ANNOTATIONS;
}
