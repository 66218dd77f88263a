/**
 * What may be written into each kind of collaborative document, checked on the decoded update
 * before it is logged or applied (pure: no I/O). Each kind has a fixed set of root maps
 * (lib/collab/model/structure.ts): an update that creates any other root, uses a root map as a
 * list or text, or puts a value of the wrong shape at a map's top level (a Y type where JSON
 * belongs, JSON where a note fragment belongs) is refused. Sizes: a note (one fragment of
 * `notes`) may not grow past `maxNoteBytes`, measured as the fragment's serialised length plus
 * what the update inserts into it.
 */
import * as Y from "yjs";
import type { CollabDocKind } from "../../../core/collab";

type RootShape = "json-map" | "fragment-map";

/** Root maps per document kind and what their entries are. */
export const DOCUMENT_SCHEMA: Readonly<Record<CollabDocKind, Readonly<Record<string, RootShape>>>> = {
  annotations: { annotations: "json-map", notes: "fragment-map" },
  discussion: { replies: "json-map" },
  meta: { themes: "json-map", links: "json-map", nodes: "json-map", positions: "json-map" },
};

export type ShapeVerdict = { ok: true } | { ok: false; reason: "unknown-root" | "root-not-map" | "entry-shape" | "note-too-large"; root?: string; key?: string };

type Struct = Y.Item | Y.GC | Y.Skip;
interface Place {
  root: string;
  /** Key of the root map's entry the struct belongs to (null: unknown or the root itself). */
  key: string | null;
  direct: boolean;
}

/** Checks `update` against the schema of `kind` and the note size limit, given the document's current state. */
export function checkDocumentRules(doc: Y.Doc, update: Uint8Array, kind: CollabDocKind, limits: { maxNoteBytes: number }): ShapeVerdict {
  const schema = DOCUMENT_SCHEMA[kind];
  const { structs } = Y.decodeUpdate(update) as { structs: Struct[] };
  const byId = new Map<string, Y.Item>();
  for (const s of structs) if (s instanceof Y.Item) byId.set(`${s.id.client}:${s.id.clock}`, s);
  const rootOf = new Map<Y.AbstractType<unknown>, string>();
  for (const [name, type] of doc.share) rootOf.set(type as Y.AbstractType<unknown>, name);

  const placeOfStored = (item: Y.Item): Place | null => {
    let type = item.parent as Y.AbstractType<unknown> | null;
    let entry: Y.Item = item;
    for (let depth = 0; type && type._item; depth++) {
      if (depth > 10_000) return null;
      entry = type._item;
      type = entry.parent as Y.AbstractType<unknown> | null;
    }
    const root = type ? rootOf.get(type) : undefined;
    return root === undefined ? null : { root, key: entry.parentSub, direct: entry === item };
  };
  const find = (id: Y.ID): Y.Item | null => {
    const own = byId.get(`${id.client}:${id.clock}`);
    if (own) return own;
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    const stored = Y.getItem(doc.store, id) as Y.Item | Y.GC;
    return stored instanceof Y.Item ? stored : null;
  };
  const memo = new Map<Y.Item, Place | null>();
  const placeOf = (item: Y.Item, depth = 0): Place | null => {
    if (memo.has(item)) return memo.get(item)!;
    let place: Place | null = null;
    if (depth > 1000) return null;
    const parentName: unknown = item.parent;
    if (typeof parentName === "string") place = { root: parentName, key: item.parentSub, direct: true };
    else if (item.parent instanceof Y.AbstractType) place = placeOfStored(item);
    else {
      const viaParent = item.parent !== null;
      const ref = (viaParent ? item.parent : (item.origin ?? item.rightOrigin)) as Y.ID | null;
      const other = ref ? find(ref) : null;
      const base = other ? (byId.has(`${other.id.client}:${other.id.clock}`) ? placeOf(other, depth + 1) : placeOfStored(other)) : null;
      // Inside a type held by `other`: the same entry, one level down. Next to `other`: its sibling.
      place = base && (viaParent ? { root: base.root, key: base.key, direct: false } : base);
    }
    memo.set(item, place);
    return place;
  };

  const grows = new Map<string, number>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const parentName: unknown = s.parent;
    if (typeof parentName === "string" && !(parentName in schema)) return { ok: false, reason: "unknown-root", root: parentName.slice(0, 64) };
    const place = placeOf(s);
    if (!place) continue; // unplaceable (refers to content neither side has): Yjs keeps it pending; authorship refuses it
    const shape = schema[place.root];
    if (!shape) return { ok: false, reason: "unknown-root", root: place.root.slice(0, 64) };
    if (place.direct && place.key === null && typeof parentName === "string") return { ok: false, reason: "root-not-map", root: place.root };
    if (place.direct && !(s.content instanceof Y.ContentDeleted)) {
      const isFragment = s.content instanceof Y.ContentType && s.content.type instanceof Y.XmlFragment && !(s.content.type instanceof Y.XmlElement);
      const isJson = s.content instanceof Y.ContentAny;
      if (shape === "fragment-map" ? !isFragment : !isJson) return { ok: false, reason: "entry-shape", root: place.root, ...(place.key ? { key: place.key.slice(0, 64) } : {}) };
    }
    if (shape === "fragment-map" && !place.direct && place.key !== null) grows.set(place.key, (grows.get(place.key) ?? 0) + contentBytes(s));
  }
  for (const [key, added] of grows) {
    // Read through the root's raw map: the root may not have been typed as a Y.Map in this process yet.
    const entry = doc.share.get("notes")?._map.get(key);
    const fragment = entry && !entry.deleted && entry.content instanceof Y.ContentType ? entry.content.type : null;
    const current = fragment instanceof Y.XmlFragment ? fragment.toString().length : 0;
    if (current + added > limits.maxNoteBytes) return { ok: false, reason: "note-too-large", root: "notes", key: key.slice(0, 64) };
  }
  return { ok: true };
}

/** Rough serialised size of what a struct inserts (text and values; markup counts its attributes). */
function contentBytes(item: Y.Item): number {
  const c = item.content;
  if (c instanceof Y.ContentString) return c.str.length;
  if (c instanceof Y.ContentAny || c instanceof Y.ContentEmbed || c instanceof Y.ContentFormat || c instanceof Y.ContentJSON) return JSON.stringify(c.getContent()).length;
  if (c instanceof Y.ContentBinary) return c.content.length;
  return c.getLength();
}
