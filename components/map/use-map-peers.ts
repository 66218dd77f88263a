"use client";

/**
 * Presence on the map through the workspace doc's awareness: each client publishes
 * `mapPointer` (flow coordinates), `mapSelection` (node ids) and `mapDrag` (a drag in
 * progress, so others see the node move before the position is written on drag end).
 * Awareness is client-asserted: malformed states are dropped. Publishing is throttled to one
 * update per animation frame.
 */
import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import type { Awareness } from "y-protocols/awareness";
import type { PeerView } from "./MapCanvas";

const EMPTY: PeerView[] = [];
const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const point = (v: unknown): { x: number; y: number } | null => {
  const p = v as Record<string, unknown> | null | undefined;
  return p && num(p.x) && num(p.y) ? { x: p.x, y: p.y } : null;
};

function parse(clientId: number, raw: Record<string, unknown>): PeerView | null {
  const u = raw.user as Record<string, unknown> | undefined;
  // Only clients on the map publish `mapPointer` (null while the pointer is elsewhere); the
  // compare view shares this awareness for its own presence.
  if (!u || typeof u.name !== "string" || !("mapPointer" in raw)) return null;
  const color = typeof u.color === "string" && /^#[0-9a-fA-F]{6}$/.test(u.color) ? u.color : "#5d6470";
  const selection = Array.isArray(raw.mapSelection) ? raw.mapSelection.filter((s): s is string => typeof s === "string").slice(0, 50) : [];
  const d = raw.mapDrag as Record<string, unknown> | null | undefined;
  const dragging = d && typeof d.id === "string" && num(d.x) && num(d.y) ? { id: d.id, x: d.x, y: d.y } : null;
  return { clientId, name: u.name.slice(0, 80), color, pointer: point(raw.mapPointer), selection, dragging };
}

const cache = new WeakMap<Awareness, PeerView[]>();

export function useMapPeers(awareness: Awareness | null): PeerView[] {
  return useSyncExternalStore(
    (fn) => {
      if (!awareness) return () => {};
      const on = () => {
        cache.delete(awareness);
        fn();
      };
      awareness.on("change", on);
      return () => awareness.off("change", on);
    },
    () => {
      if (!awareness) return EMPTY;
      const hit = cache.get(awareness);
      if (hit) return hit;
      const out: PeerView[] = [];
      for (const [id, raw] of awareness.getStates()) {
        if (id === awareness.clientID) continue;
        const p = parse(id, raw);
        if (p) out.push(p);
      }
      cache.set(awareness, out);
      return out;
    },
    () => EMPTY,
  );
}

/** A setter for a local awareness field, coalesced to one update per frame. */
export function usePublish(awareness: Awareness | null, field: "mapPointer" | "mapDrag" | "mapSelection"): (value: unknown) => void {
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
