import { peerColour, peersOf } from "./awareness-peers";

/** Another client in the compare view: who, what they select, which documents they show. */
export interface PeerState {
  clientId: number;
  user: { id: string; name: string; color: string };
  selection: { versionId: string; start: number; end: number } | null;
  documents: string[];
}

function parse(clientId: number, raw: Record<string, unknown>): PeerState | null {
  const u = raw.user as Record<string, unknown> | undefined;
  if (!u || typeof u.id !== "string" || typeof u.name !== "string") return null;
  const s = raw.selection as Record<string, unknown> | null | undefined;
  const selection =
    s && typeof s.versionId === "string" && Number.isInteger(s.start) && Number.isInteger(s.end) && (s.end as number) > (s.start as number)
      ? { versionId: s.versionId, start: s.start as number, end: s.end as number }
      : null;
  const documents = Array.isArray(raw.documents) ? raw.documents.filter((d): d is string => typeof d === "string") : [];
  return { clientId, user: { id: u.id, name: u.name, color: peerColour(u.color) }, selection, documents };
}

/** The other clients of a doc's awareness (the workspace doc: who is here; a document's: who reads it). */
export const PEERS = peersOf(parse);

/** One entry per person (a person with two tabs is one avatar). */
export function uniqueUsers(peers: PeerState[]): PeerState["user"][] {
  const by = new Map<string, PeerState["user"]>();
  for (const p of peers) if (!by.has(p.user.id)) by.set(p.user.id, p.user);
  return [...by.values()];
}
