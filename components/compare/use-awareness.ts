"use client";

import { useSyncExternalStore } from "react";
import type { Awareness } from "y-protocols/awareness";

export interface PeerState {
  clientId: number;
  user: { id: string; name: string; color: string };
  selection: { versionId: string; start: number; end: number } | null;
  documents: string[];
}

const EMPTY: PeerState[] = [];

function parse(clientId: number, raw: Record<string, unknown>): PeerState | null {
  const u = raw.user as Record<string, unknown> | undefined;
  if (!u || typeof u.id !== "string" || typeof u.name !== "string") return null;
  const color = typeof u.color === "string" && /^#[0-9a-fA-F]{6}$/.test(u.color) ? u.color : "#5d6470";
  const s = raw.selection as Record<string, unknown> | null | undefined;
  const selection =
    s && typeof s.versionId === "string" && Number.isInteger(s.start) && Number.isInteger(s.end) && (s.end as number) > (s.start as number)
      ? { versionId: s.versionId, start: s.start as number, end: s.end as number }
      : null;
  const documents = Array.isArray(raw.documents) ? raw.documents.filter((d): d is string => typeof d === "string") : [];
  return { clientId, user: { id: u.id, name: u.name, color }, selection, documents };
}

const caches = new WeakMap<Awareness, { version: number; value: PeerState[] }>();

/**
 * The other clients' awareness states (this tab's own excluded), validated: awareness is
 * client-asserted, so anything malformed is dropped rather than rendered.
 */
export function useAwareness(awareness: Awareness | null | undefined): PeerState[] {
  return useSyncExternalStore(
    (fn) => {
      if (!awareness) return () => {};
      const on = () => {
        caches.delete(awareness);
        fn();
      };
      awareness.on("change", on);
      return () => awareness.off("change", on);
    },
    () => {
      if (!awareness) return EMPTY;
      const hit = caches.get(awareness);
      if (hit) return hit.value;
      const value: PeerState[] = [];
      for (const [id, raw] of awareness.getStates()) {
        if (id === awareness.clientID) continue;
        const p = parse(id, raw);
        if (p) value.push(p);
      }
      caches.set(awareness, { version: 0, value });
      return value;
    },
    () => EMPTY,
  );
}

/** One entry per person (a person with two tabs is one avatar). */
export function uniqueUsers(peers: PeerState[]): PeerState["user"][] {
  const by = new Map<string, PeerState["user"]>();
  for (const p of peers) if (!by.has(p.user.id)) by.set(p.user.id, p.user);
  return [...by.values()];
}
