/**
 * The workspace Y.Doc: themes (./themes.ts), links between annotations (or map nodes),
 * argument-map nodes and their positions. Positions sit in their own map because they change
 * on every drag-stop.
 */
import type * as Y from "yjs";
import { AppError } from "../../core/errors";
import {
  linkEntrySchema,
  mapNodeEntrySchema,
  positionSchema,
  type CollabActor,
  type LinkEntry,
  type LinkKind,
  type MapNodeEntry,
  type MapPosition,
} from "../../core/collab";
import type { z } from "zod";
import { linksMap, newEntryId, nodesMap, positionsMap, themesMap, transactLocal } from "./structure";
import { parseEntry } from "./validate";

export * from "./themes";


export interface LinkInput {
  id?: string;
  from: LinkEntry["from"];
  to: LinkEntry["to"];
  kind: LinkKind;
  label?: string;
}

/** Links two annotations (or map nodes) with a typed relation. */
export function addLink(doc: Y.Doc, input: LinkInput, actor: CollabActor, now: Date): LinkEntry {
  const entry = parseEntry(linkEntrySchema, {
    id: input.id ?? newEntryId(),
    from: input.from,
    to: input.to,
    kind: input.kind,
    ...(input.label ? { label: input.label } : {}),
    author: { id: actor.id, name: actor.name },
    createdAt: now.toISOString(),
  });
  if (entry.from.id === entry.to.id) throw new AppError("invalid_input", "link_to_itself");
  return transactLocal(doc, () => {
    linksMap(doc).set(entry.id, entry);
    return entry;
  });
}

export function deleteLink(doc: Y.Doc, id: string): void {
  transactLocal(doc, () => {
    const current = valid(linkEntrySchema, linksMap(doc).get(id));
    if (!current || current.deleted) throw new AppError("not_found", "link_not_found");
    linksMap(doc).set(id, { ...current, deleted: true });
  });
}

export const listLinks = (doc: Y.Doc): LinkEntry[] => liveEntries(linkEntrySchema, linksMap(doc));

export interface MapNodeInput {
  id?: string;
  kind: MapNodeEntry["kind"];
  annotationId?: string;
  label?: string;
  position: MapPosition;
}

/** Places a node on the argument map, with its position, in one transaction. */
export function addMapNode(doc: Y.Doc, input: MapNodeInput, actor: CollabActor, now: Date): MapNodeEntry {
  const entry = parseEntry(mapNodeEntrySchema, {
    id: input.id ?? newEntryId(),
    kind: input.kind,
    ...(input.annotationId ? { annotationId: input.annotationId } : {}),
    ...(input.label ? { label: input.label } : {}),
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

/** Moves a node (call on drag-stop, not on every frame: each call is a Yjs update). */
export function moveMapNode(doc: Y.Doc, id: string, position: MapPosition): void {
  const p = parseEntry(positionSchema, position);
  transactLocal(doc, () => positionsMap(doc).set(id, p));
}

export function deleteMapNode(doc: Y.Doc, id: string): void {
  transactLocal(doc, () => {
    const current = valid(mapNodeEntrySchema, nodesMap(doc).get(id));
    if (!current || current.deleted) throw new AppError("not_found", "node_not_found");
    nodesMap(doc).set(id, { ...current, deleted: true });
    positionsMap(doc).delete(id);
  });
}

export const listMapNodes = (doc: Y.Doc): MapNodeEntry[] => liveEntries(mapNodeEntrySchema, nodesMap(doc));

export function getPosition(doc: Y.Doc, id: string): MapPosition | undefined {
  return valid(positionSchema, positionsMap(doc).get(id));
}

/** Calls `listener` after any change of themes, links, nodes or positions. */
export function observeWorkspace(doc: Y.Doc, listener: () => void): () => void {
  const maps = [themesMap(doc), linksMap(doc), nodesMap(doc), positionsMap(doc)];
  const fn = () => listener();
  for (const m of maps) m.observe(fn);
  return () => maps.forEach((m) => m.unobserve(fn));
}

function valid<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function liveEntries<S extends z.ZodType<{ deleted?: boolean | undefined }>>(schema: S, map: Y.Map<unknown>): z.output<S>[] {
  const out: z.output<S>[] = [];
  for (const value of map.values()) {
    const entry = valid(schema, value);
    if (entry && !entry.deleted) out.push(entry);
  }
  return out;
}
