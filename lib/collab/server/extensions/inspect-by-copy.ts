/**
 * The copy path of inspect-update.ts (cost ∝ the document): the update is applied to a scratch
 * copy and every authored key the transaction changed is compared before/after.
 */
import * as Y from "yjs";
import { checkEntryChange, type AuthoredMaps, type Writer } from "./authorship-rules";
import { valueOf, type SharedType, type Verdict } from "./update-verdict";

/** Applies the update to a scratch copy of `doc` and checks every authored key it changed. */
export function inspectByCopy(doc: Y.Doc, update: Uint8Array, maps: AuthoredMaps, writer: Writer): Verdict {
  const hadPending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  const scratch = new Y.Doc({ gc: doc.gc });
  // encodeStateAsUpdate carries the document's pending structs too, so the copy completes
  // exactly what the document would.
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  const changed = new Map<string, Set<string>>();
  let nested: string | null = null;
  scratch.on("afterTransaction", (tr: Y.Transaction) => {
    for (const [type, keys] of tr.changed) {
      let root: SharedType = type;
      while (root._item !== null && root._item.parent instanceof Y.AbstractType) root = root._item.parent;
      const name = [...scratch.share].find(([, t]) => t === root)?.[0];
      if (name === undefined || !maps[name]) continue;
      if (type !== root) {
        nested = name;
        continue;
      }
      let set = changed.get(name);
      if (!set) changed.set(name, (set = new Set()));
      for (const key of keys) if (key !== null) set.add(key);
    }
  });
  try {
    try {
      Y.applyUpdate(scratch, update);
    } catch {
      return { ok: false, path: "copy", reason: "update-malformed" };
    }
    return compareCopy(doc, scratch, hadPending, changed, nested, maps, writer);
  } finally {
    scratch.destroy();
  }
}

function compareCopy(doc: Y.Doc, scratch: Y.Doc, hadPending: boolean, changed: Map<string, Set<string>>, nested: string | null, maps: AuthoredMaps, writer: Writer): Verdict {
  if (!hadPending && (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null)) return { ok: false, path: "copy", reason: "update-incomplete" };
  if (nested !== null) return { ok: false, path: "copy", reason: "nested-entry", map: nested };
  for (const [mapName, keys] of changed) {
    const policy = maps[mapName]!;
    for (const key of keys) {
      const reason = checkEntryChange(policy, writer, entryValue(doc, mapName, key), entryValue(scratch, mapName, key));
      if (reason) return { ok: false, path: "copy", reason, map: mapName, key };
    }
  }
  return { ok: true, path: "copy" };
}

/** The live value of `key` in the root map `mapName`, whether or not the root was read as a Y.Map yet. */
function entryValue(doc: Y.Doc, mapName: string, key: string): unknown {
  const item = doc.share.get(mapName)?._map.get(key);
  return item && !item.deleted ? valueOf(item) : undefined;
}
