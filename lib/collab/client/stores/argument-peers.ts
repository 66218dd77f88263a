/**
 * Presence on the map through the workspace doc's awareness: each client publishes
 * `mapPointer` (flow coordinates), `mapSelection` (node ids) and `mapDrag` (a drag in
 * progress, so others see the node move before the position is written on drag end).
 */
import { peerColour, peersOf } from "./awareness-peers";

/** Another client on the map, as the canvas draws it. */
export interface PeerView {
  clientId: number;
  name: string;
  color: string;
  pointer: { x: number; y: number } | null;
  selection: string[];
  dragging: { id: string; x: number; y: number } | null;
}

/** The local awareness fields the map publishes. */
export type MapPresenceField = "mapPointer" | "mapDrag" | "mapSelection";

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
  const selection = Array.isArray(raw.mapSelection) ? raw.mapSelection.filter((s): s is string => typeof s === "string").slice(0, 50) : [];
  const d = raw.mapDrag as Record<string, unknown> | null | undefined;
  const dragging = d && typeof d.id === "string" && num(d.x) && num(d.y) ? { id: d.id, x: d.x, y: d.y } : null;
  return { clientId, name: u.name.slice(0, 80), color: peerColour(u.color), pointer: point(raw.mapPointer), selection, dragging };
}

/** The other clients on the map. */
export const MAP_PEERS = peersOf(parse);
