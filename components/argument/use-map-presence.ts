"use client";

import { useEffect } from "react";
import type { MapSessionState } from "@/lib/collab/client/react";
import { useMapPeers, usePublish } from "@/lib/collab/client/react";

/**
 * The others on the map (pointers, selections, drags) and this client's own: its pointer and
 * drags as published setters, its selection published as it changes. Leaving the map clears
 * what this client published, so the compare view's presence is not left with stale fields.
 */
export function useMapPresence(awareness: MapSessionState["awareness"], selectedNode: string | null) {
  const peers = useMapPeers(awareness);
  const publishPointer = usePublish(awareness, "mapPointer");
  const publishDrag = usePublish(awareness, "mapDrag");
  const publishSelection = usePublish(awareness, "mapSelection");
  useEffect(() => {
    if (!awareness) return;
    awareness.setLocalStateField("mapPointer", null);
    return () => {
      for (const f of ["mapPointer", "mapDrag", "mapSelection"]) awareness.setLocalStateField(f, undefined);
    };
  }, [awareness]);
  useEffect(() => publishSelection(selectedNode ? [selectedNode] : []), [selectedNode, publishSelection]);
  return { peers, publishPointer, publishDrag };
}
