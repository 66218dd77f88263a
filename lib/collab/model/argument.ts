/**
 * The argument map in the workspace Y.Doc: free claim and question nodes (and annotations
 * placed on the map without a link yet) in `nodes`, shared positions in `positions` (key: the
 * graph node id — the annotation id for annotation nodes, the node id otherwise). Positions
 * are written when a drag ends or a layout is applied, never per frame; drags in progress go
 * through awareness (components/argument).
 */
import type * as Y from "yjs";
import { AppError } from "../../core/errors";
import { COLLAB_LIMITS, mapNodeEntrySchema, positionSchema, type CollabActor, type MapNodeEntry, type MapPosition } from "../../core/collab";
import { linksMap, newEntryId, nodesMap, positionsMap, transactLocal } from "./structure";
import { listArgumentLinks } from "./links";
import { parseEntry } from "./validate";

export interface FreeNodeInput {
  id?: string;
  kind: "claim" | "question";
  text: string;
  position: MapPosition;
}

const cleanText = (text: string): string => {
  const t = text.normalize("NFC").replace(/\s+/g, " ").trim();
  if (!t) throw new AppError("invalid_input", "node_text_empty");
  if (t.length > COLLAB_LIMITS.labelMax) throw new AppError("invalid_input", "node_text_too_long");
  return t;
};

/** Adds a claim or question the user writes, with its position, in one transaction. */
export function addFreeNode(doc: Y.Doc, input: FreeNodeInput, actor: CollabActor, now: Date): MapNodeEntry {
  const entry = parseEntry(mapNodeEntrySchema, {
    id: input.id ?? newEntryId(),
    kind: input.kind,
    label: cleanText(input.text),
    author: { id: actor.id, name: actor.name },
    createdAt: now.toISOString(),
  });
  const position = parseEntry(positionSchema, input.position);
  return transactLocal(doc, () => {
    nodesMap(doc).set(entry.id, entry);
    positionsMap(doc).set(entry.id, position);
    return entry;
  });
}

/** Places an annotation on the map (so it shows before it has links); idempotent. */
export function placeAnnotation(doc: Y.Doc, annotationId: string, position: MapPosition, actor: CollabActor, now: Date): MapNodeEntry {
  return transactLocal(doc, () => {
    const existing = listMapEntries(doc).find((n) => n.kind === "annotation" && n.annotationId === annotationId);
    const entry = existing ?? parseEntry(mapNodeEntrySchema, { id: newEntryId(), kind: "annotation", annotationId, author: { id: actor.id, name: actor.name }, createdAt: now.toISOString() });
    if (!existing) nodesMap(doc).set(entry.id, entry);
    positionsMap(doc).set(annotationId, parseEntry(positionSchema, position));
    return entry;
  });
}

/** Edits the text of a claim or question. */
export function editFreeNode(doc: Y.Doc, id: string, text: string): MapNodeEntry {
  return transactLocal(doc, () => {
    const current = readNode(doc, id);
    if (!current || current.deleted || current.kind === "annotation") throw new AppError("not_found", "node_not_found");
    const next = { ...current, label: cleanText(text) };
    nodesMap(doc).set(id, next);
    return next;
  });
}

/** Writes several positions in one transaction (a drag end, an applied layout: one undo step). */
export function setPositions(doc: Y.Doc, positions: Readonly<Record<string, MapPosition>>): void {
  const parsed = Object.entries(positions).map(([id, p]) => [id, parseEntry(positionSchema, { x: Math.round(p.x), y: Math.round(p.y) })] as const);
  transactLocal(doc, () => {
    for (const [id, p] of parsed) positionsMap(doc).set(id, p);
  });
}

/**
 * Removes a node from the map together with its links, in one transaction (one undo step).
 * `graphId` is the map's node id: a claim/question id, or an annotation id — the annotation
 * itself stays in its document; only its place on the map and its links go.
 */
export function removeFromMap(doc: Y.Doc, graphId: string): { links: number } {
  return transactLocal(doc, () => {
    let found = false;
    for (const n of listMapEntries(doc)) {
      if (n.id === graphId || (n.kind === "annotation" && n.annotationId === graphId)) {
        nodesMap(doc).set(n.id, { ...n, deleted: true });
        found = true;
      }
    }
    let links = 0;
    for (const l of listArgumentLinks(doc)) {
      if (l.from.id !== graphId && l.to.id !== graphId) continue;
      linksMap(doc).set(l.id, { ...l, deleted: true });
      links++;
    }
    if (!found && links === 0) throw new AppError("not_found", "node_not_found");
    positionsMap(doc).delete(graphId);
    return { links };
  });
}

/** Live map node entries (invalid ones skipped). */
export function listMapEntries(doc: Y.Doc): MapNodeEntry[] {
  const out: MapNodeEntry[] = [];
  for (const v of nodesMap(doc).values()) {
    const p = mapNodeEntrySchema.safeParse(v);
    if (p.success && !p.data.deleted) out.push(p.data);
  }
  return out;
}

/** Every valid stored position, by graph node id. */
export function readPositions(doc: Y.Doc): Record<string, MapPosition> {
  const out: Record<string, MapPosition> = {};
  for (const [id, v] of positionsMap(doc).entries()) {
    const p = positionSchema.safeParse(v);
    if (p.success) out[id] = p.data;
  }
  return out;
}

/** Calls `listener` after any change of links, nodes or positions. */
export function observeMap(doc: Y.Doc, listener: () => void): () => void {
  const maps = [linksMap(doc), nodesMap(doc), positionsMap(doc)];
  const fn = () => listener();
  for (const m of maps) m.observe(fn);
  return () => maps.forEach((m) => m.unobserve(fn));
}

function readNode(doc: Y.Doc, id: string): MapNodeEntry | undefined {
  const p = mapNodeEntrySchema.safeParse(nodesMap(doc).get(id));
  return p.success ? p.data : undefined;
}
