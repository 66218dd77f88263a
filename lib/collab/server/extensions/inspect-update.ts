/**
 * Inspects one incoming Yjs update against the entry rules of authorship-rules.ts, before the
 * server applies it. Pure (no I/O): given the server's current document, the update and the
 * writer, it says whether the update may be applied.
 *
 * Two paths, both exact for what they accept:
 *
 * - Fast (no copy of the document; cost ∝ the update): the update is decoded (`Y.decodeUpdate`)
 *   and every struct is placed — its root type and, for a direct child of a root map, its key —
 *   through its `parent`, or the struct it is inserted next to (`origin`/`rightOrigin`), looked
 *   up in the document's struct store or in the update itself. Updates that touch no authored
 *   map (typing in a note, positions, themes: nearly all traffic) are accepted after that pass.
 *   A write of an authored map's key is a struct holding one JSON value whose `origin` is the
 *   key's current value (or nothing, for a new key), or the update's previous write of that key:
 *   the last of such a chain becomes the key's value, and `before → last` is checked directly;
 *   so are removals (the delete set names the key's current value and no new one is written).
 * - Copy (cost ∝ the document): for anything the fast path cannot place with certainty —
 *   concurrent writes to one key, deleted or nested content under an authored map, references
 *   to structs neither side has, a resync after a reconnect that carries deleted entries — the
 *   update is applied to a scratch copy (`encodeStateAsUpdate` → new Y.Doc), and every key of an
 *   authored map that the transaction changed is compared before/after.
 *
 * Either way an update that would leave structs or deletions waiting for missing dependencies
 * (Yjs "pending") is refused: they would be applied later, inside someone else's update, where
 * this check could not attribute them.
 */
import * as Y from "yjs";
import { checkEntryChange, type AuthoredMaps, type Writer } from "./authorship-rules";
import { inspectByCopy } from "./inspect-by-copy";
import { valueOf, type SharedType, type Verdict } from "./update-verdict";

export type { InspectionPath, Verdict } from "./update-verdict";

/** Where a struct sits: its root type's name, whether its parent is that root, and its map key. */
interface Place {
  root: string;
  direct: boolean;
  key: string | null;
}

type Struct = Y.Item | Y.GC | Y.Skip;

const MISSING = "missing" as const;

/** Resolution steps one struct may take through the update before it is given up on. */
const MAX_CHAIN = 100_000;

/** Inspects `update` (Yjs v1) as sent by `writer` against `doc`'s current state. */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array, maps: AuthoredMaps, writer: Writer, opts: { forceCopy?: boolean } = {}): Verdict {
  if (Object.keys(maps).length === 0) return { ok: true, path: "fast" };
  if (!opts.forceCopy) {
    let fast: Verdict | null;
    try {
      fast = inspectFast(doc, update, maps, writer);
    } catch {
      fast = null; // undecodable here: the copy path gets the same error from Yjs and refuses
    }
    if (fast) return fast;
  }
  return inspectByCopy(doc, update, maps, writer);
}

/** The verdict of the fast path, or null when the update needs the copy path. */
export function inspectFast(doc: Y.Doc, update: Uint8Array, maps: AuthoredMaps, writer: Writer): Verdict | null {
  const store = doc.store;
  // Structs waiting in the document could be completed by this update: only a copy sees them.
  if (store.pendingStructs !== null || store.pendingDs !== null) return null;
  const incomplete: Verdict = { ok: false, path: "fast", reason: "update-incomplete" };
  const { structs, ds } = Y.decodeUpdate(update) as { structs: Struct[]; ds: { clients: Map<number, Array<{ clock: number; len: number }>> } };
  if (structs.length === 0 && ds.clients.size === 0) return { ok: true, path: "fast" };

  const byClient = new Map<number, Struct[]>();
  for (const s of structs) {
    const list = byClient.get(s.id.client);
    if (list) list.push(s);
    else byClient.set(s.id.client, [s]);
  }
  const rootNames = new Map<SharedType, string>();
  for (const [name, type] of doc.share) rootNames.set(type, name);

  const inStore = (id: Y.ID): Y.Item | Y.GC | null => {
    const list = store.clients.get(id.client);
    if (!list || id.clock >= Y.getState(store, id.client)) return null;
    return list[Y.findIndexSS(list, id.clock)] ?? null;
  };
  const inUpdate = (id: Y.ID): Struct | null => {
    const list = byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s instanceof Y.Skip ? null : s;
    }
    return null;
  };
  const placeOfStored = (item: Y.Item): Place | null => {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    let type: SharedType = parent;
    for (let depth = 0; type._item !== null; depth++) {
      const up: unknown = type._item.parent;
      if (!(up instanceof Y.AbstractType) || depth > MAX_CHAIN) return null;
      type = up;
    }
    const root = rootNames.get(type);
    return root === undefined ? null : { root, direct: parent === type, key: item.parentSub };
  };

  // Places of the update's structs, resolved iteratively (chains of origins can be long).
  // MISSING: a reference to a struct neither the document nor the update has (Yjs keeps the
  // struct pending); null: a place this pass cannot determine (the copy path decides).
  const places = new Map<Struct, Place | typeof MISSING | null>();
  const placeOf = (start: Struct): Place | typeof MISSING | null => {
    const chain: Array<{ s: Y.Item; viaParent: boolean }> = [];
    const seen = new Set<Struct>();
    let s: Struct = start;
    let base: Place | typeof MISSING | null = null;
    for (;;) {
      const known = places.get(s);
      if (known !== undefined) {
        base = known;
        break;
      }
      if (!(s instanceof Y.Item) || seen.has(s) || chain.length > MAX_CHAIN) break; // GC, Skip or a cycle
      seen.add(s);
      const parent = s.parent as unknown;
      if (typeof parent === "string") {
        base = { root: parent, direct: true, key: s.parentSub };
        places.set(s, base);
        break;
      }
      const viaParent = parent !== null;
      const ref = (viaParent ? parent : (s.origin ?? s.rightOrigin)) as Y.ID | null;
      if (!ref) break;
      const stored = inStore(ref);
      if (stored) {
        chain.push({ s, viaParent });
        if (!(stored instanceof Y.Item)) break; // next to garbage-collected content
        if (viaParent && !(stored.content instanceof Y.ContentType)) break;
        base = placeOfStored(stored);
        break;
      }
      const next = inUpdate(ref);
      chain.push({ s, viaParent });
      if (!next) {
        base = MISSING;
        break;
      }
      if (viaParent && !(next instanceof Y.Item && next.content instanceof Y.ContentType)) break;
      s = next;
    }
    let place = base;
    for (let i = chain.length - 1; i >= 0; i--) {
      const { s: item, viaParent } = chain[i]!;
      // Inside a type held by the referenced item: same root, not a direct entry.
      if (place && place !== MISSING && viaParent) place = { root: place.root, direct: false, key: null };
      places.set(item, place);
    }
    return places.get(start) ?? null;
  };

  // 1. Structs: gaps (pending), places, writes of authored entries.
  const writes = new Map<string, Map<string, Y.Item[]>>(); // map → key → writes in update order
  const firstClock = new Map<number, number>();
  for (const s of structs) {
    if (s instanceof Y.Skip) return null; // a hole in the update
    const state = Y.getState(store, s.id.client);
    if (!firstClock.has(s.id.client)) {
      firstClock.set(s.id.client, s.id.clock);
      if (s.id.clock > state) return incomplete; // would wait for the missing clocks
    }
    if (s.id.clock + s.length <= state) continue; // already known: Yjs skips it
    if (s instanceof Y.GC) continue; // deleted content, never visible
    const place = placeOf(s);
    if (place === MISSING) return incomplete;
    if (!place) return null;
    const policy = maps[place.root];
    if (!policy) continue;
    if (!place.direct || place.key === null) return null; // nested or list content under an authored map
    if (s.rightOrigin !== null || s.id.clock < state) return null;
    if (!(s.content instanceof Y.ContentAny) || s.content.arr.length !== 1) return null; // deleted, a Y type, several values
    let keys = writes.get(place.root);
    if (!keys) writes.set(place.root, (keys = new Map()));
    const list = keys.get(place.key);
    if (list) list.push(s);
    else keys.set(place.key, [s]);
  }

  // 2. Delete set: everything it names must exist; authored entries it removes are collected.
  const removed = new Map<string, Map<string, Y.Item>>(); // map → key → current value removed
  const deletedInUpdate = new Set<Struct>();
  for (const [client, ranges] of ds.clients) {
    const state = Y.getState(store, client);
    const list = store.clients.get(client);
    const own = byClient.get(client);
    const updateEnd = own && own.length > 0 ? own[own.length - 1]!.id.clock + own[own.length - 1]!.length : 0;
    for (const { clock, len } of ranges) {
      const end = clock + len;
      if (end > state && (end > updateEnd || firstClock.get(client)! > Math.max(clock, state))) return incomplete;
      if (list && clock < state) {
        for (let i = Y.findIndexSS(list, clock); i < list.length && list[i]!.id.clock < Math.min(end, state); i++) {
          const item = list[i]!;
          if (!(item instanceof Y.Item) || item.deleted) continue;
          const place = placeOfStored(item);
          if (!place) return null;
          if (!maps[place.root]) continue;
          if (!place.direct || place.key === null) return null;
          const parent = item.parent as SharedType;
          if (parent._map.get(place.key) !== item) return null;
          let keys = removed.get(place.root);
          if (!keys) removed.set(place.root, (keys = new Map()));
          keys.set(place.key, item);
        }
      }
      if (end > state && own) {
        for (const s of own) if (s.id.clock < end && s.id.clock + s.length > clock) deletedInUpdate.add(s);
      }
    }
  }

  // 3. The changes, key by key.
  for (const [mapName, keys] of writes) {
    const policy = maps[mapName]!;
    const root = doc.share.get(mapName);
    for (const [key, list] of keys) {
      // The writes must form one chain from the key's current value, each after the previous one:
      // then the last is the key's value afterwards (unless the update also deletes it).
      const current = root?._map.get(key) ?? null;
      let expected: Y.ID | null = current ? current.lastId : null;
      for (const s of list) {
        if (!sameId(s.origin, expected)) return null;
        expected = s.lastId;
      }
      const last = list[list.length - 1]!;
      if (deletedInUpdate.has(last)) return null;
      const before = current && !current.deleted ? valueOf(current) : undefined;
      const reason = checkEntryChange(policy, writer, before, valueOf(last));
      if (reason) return { ok: false, path: "fast", reason, map: mapName, key };
      removed.get(mapName)?.delete(key); // the overwritten value: part of the write just checked
    }
  }
  for (const [mapName, keys] of removed) {
    const policy = maps[mapName]!;
    for (const [key, item] of keys) {
      const reason = checkEntryChange(policy, writer, valueOf(item), undefined);
      if (reason) return { ok: false, path: "fast", reason, map: mapName, key };
    }
  }
  return { ok: true, path: "fast" };
}

function sameId(a: Y.ID | null, b: Y.ID | null): boolean {
  return a === null || b === null ? a === b : a.client === b.client && a.clock === b.clock;
}
