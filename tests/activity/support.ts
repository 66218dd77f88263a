import * as Y from "yjs";
import { parseDocName } from "../../lib/core/collab";
import { getNoteFragment } from "../../lib/collab/model";
import { storeState } from "../../lib/collab/server/persistence/store-state";
import { snapshotEntries } from "../../lib/collab/server/projection/snapshot";

/** Stores `doc` under `name` as the live collab server would, attributing it to `editors`. */
export function store(name: string, doc: Y.Doc, editors: string[] = [], force = false) {
  const ref = parseDocName(name)!;
  return storeState({ name, ref, state: Y.encodeStateAsUpdate(doc), snapshot: snapshotEntries(ref, doc), compact: [], editors, force });
}

/** Replaces an annotation's note with one paragraph of `text`, then mentions of `mentions`. */
export function writeNote(doc: Y.Doc, annotationId: string, text: string, mentions: { id: string; label: string }[] = []): void {
  const fragment = getNoteFragment(doc, annotationId)!;
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    const p = new Y.XmlElement("paragraph");
    const t = new Y.XmlText();
    t.insert(0, text);
    const els = mentions.map((m) => {
      const el = new Y.XmlElement("mention");
      el.setAttribute("id", m.id);
      el.setAttribute("label", m.label);
      return el;
    });
    p.insert(0, [t, ...els]);
    fragment.insert(0, [p]);
  });
}
