"use client";

import { useCallback, useEffect, useRef } from "react";
import type { Awareness } from "y-protocols/awareness";
import { MAP_PEERS, type MapPresenceField, type PeerView } from "../stores/argument-peers";
import { storeOf } from "../stores/observed-store";
import { PEERS, type PeerState } from "../stores/peers";
import { useSnapshot } from "./use-snapshot";

const NO_PEERS: PeerState[] = [];
const NO_MAP_PEERS: PeerView[] = [];

/** The other clients' validated presence in the compare view (workspace or document awareness). */
export function useAwareness(awareness: Awareness | null | undefined): PeerState[] {
  return useSnapshot(awareness ? storeOf(PEERS, awareness) : null, NO_PEERS);
}

/** The other clients on the map. */
export function useMapPeers(awareness: Awareness | null): PeerView[] {
  return useSnapshot(awareness ? storeOf(MAP_PEERS, awareness) : null, NO_MAP_PEERS);
}

/** A setter for a local awareness field, coalesced to one update per frame. */
export function usePublish(awareness: Awareness | null, field: MapPresenceField): (value: unknown) => void {
  const pending = useRef<{ value: unknown } | null>(null);
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  return useCallback(
    (value: unknown) => {
      if (!awareness) return;
      pending.current = { value };
      if (frame.current) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        if (pending.current) awareness.setLocalStateField(field, pending.current.value);
        pending.current = null;
      });
    },
    [awareness, field],
  );
}
