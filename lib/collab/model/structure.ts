/**
 * The shape of the three kinds of Y.Doc (see docs/collab-model.md). Only this library touches
 * the Y.Maps; the UI, the server and the tests go through the functions of ./index.ts.
 */
import type * as Y from "yjs";

/** Top-level type names. Renaming one orphans every stored document: never do it. */
export const MAPS = {
  annotations: "annotations",
  notes: "notes",
  replies: "replies",
  themes: "themes",
  links: "links",
  nodes: "nodes",
  positions: "positions",
} as const;

/** id → annotation JSON, in a document's annotations Y.Doc. */
export const annotationsMap = (doc: Y.Doc) => doc.getMap<unknown>(MAPS.annotations);
/** id → Y.XmlFragment (the Tiptap note of the annotation with that id). */
export const notesMap = (doc: Y.Doc) => doc.getMap<Y.XmlFragment>(MAPS.notes);
/** id → reply JSON, in a document's discussion Y.Doc. */
export const repliesMap = (doc: Y.Doc) => doc.getMap<unknown>(MAPS.replies);
/** Workspace Y.Doc maps. */
export const themesMap = (doc: Y.Doc) => doc.getMap<unknown>(MAPS.themes);
export const linksMap = (doc: Y.Doc) => doc.getMap<unknown>(MAPS.links);
export const nodesMap = (doc: Y.Doc) => doc.getMap<unknown>(MAPS.nodes);
export const positionsMap = (doc: Y.Doc) => doc.getMap<unknown>(MAPS.positions);

const origins = new WeakMap<Y.Doc, object>();

/**
 * The transaction origin of this process' own edits of `doc`. Every mutation of the library
 * uses it, so an UndoManager tracking it undoes the local user's changes and never a remote
 * user's (remote updates arrive with the provider as origin).
 */
export function localOriginOf(doc: Y.Doc): object {
  let origin = origins.get(doc);
  if (!origin) {
    origin = { source: "synoptic-local" };
    origins.set(doc, origin);
  }
  return origin;
}

/** Runs `fn` in one transaction with the local origin (nested calls join the outer one). */
export function transactLocal<T>(doc: Y.Doc, fn: () => T): T {
  let result!: T;
  doc.transact(() => {
    result = fn();
  }, localOriginOf(doc));
  return result;
}

/** A fresh entry id (UUID v4: matches the entry id pattern of lib/core/collab). */
export function newEntryId(): string {
  return globalThis.crypto.randomUUID();
}
