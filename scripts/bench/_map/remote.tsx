/**
 * Browser entry of the map bench's `map_remote_update_ms` (bundled by scripts/bench/map.ts):
 * the real MapView — data hook, graph, filters, sidebar, React Flow canvas — over Y.Docs filled
 * from the payload (./session.ts stands in for the collab connection). `benchUpdate` applies
 * one remote tag edit as the provider delivers it and resolves once the node shows it and the
 * next frame has been drawn; user-timing marks around that let the runner sum the main
 * thread's work in between from a trace. `benchData` times the data part alone, on copies of
 * the docs no view watches: the incremental read the map does now, or the full re-read it did.
 */
import { createRoot } from "react-dom/client";
import { IntlProvider } from "use-intl";
import * as Y from "yjs";
import { getAnnotation, listAnnotations, updateAnnotation } from "../../../lib/collab/model";
import type { CatalogAnnotation } from "../../../lib/core/argument";
import { MapView } from "../../../components/argument/MapView";
import { createCatalogReuse, readMapWorkspace, toCatalog } from "../../../lib/collab/client/stores/argument-workspace";
import { watchWorkspaceAnnotations } from "../../../lib/collab/client/stores/workspace-annotations";
import messages from "../../../lib/i18n/messages/ja/argument.json";
import "../../../app/globals.css";

export interface RemotePayload {
  meta: string;
  docs: { id: string; title: string; update: string }[];
  /** Two themes: the update toggles the second on the target annotation. */
  themes: { id: string; name: string }[];
}

declare global {
  interface Window {
    __REMOTE__: RemotePayload;
    benchUpdate?: (run: number) => Promise<{ wallMs: number }>;
    benchData?: (mode: "incremental" | "full", runs: number) => number[];
  }
}

const bytes = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const payload = window.__REMOTE__;
const provider = {};

/** A Y.Doc as the page's HocuspocusProvider holds it (see scripts/bench/_themes-page.tsx). */
function providerDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.on("update", (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
  });
  return doc;
}

const meta = providerDoc();
Y.applyUpdate(meta, bytes(payload.meta), provider);
const documents = new Map(payload.docs.map((d) => [d.id, providerDoc()]));
for (const d of payload.docs) Y.applyUpdate(documents.get(d.id)!, bytes(d.update), provider);
window.__MAP_DOCS__ = { meta, documents };

const info = payload.docs.map((d) => ({ id: d.id, title: d.title }));
const workspace = { id: "bench", slug: "bench", name: "ベンチ" };
const user = { id: "bench-user", name: "Bench" };
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** A remote tag edit of `id` in `remote`, as the update `local` lacks. */
function tagUpdate(remote: Y.Doc, local: Y.Doc, id: string, run: number): { update: Uint8Array; on: boolean } {
  const [first, second] = payload.themes;
  const on = run % 2 === 0;
  updateAnnotation(remote, id, { themeIds: on ? [first!.id, second!.id] : [first!.id] }, new Date(Date.UTC(2026, 1, 1, 0, 0, run)));
  return { update: Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local)), on };
}

/** The other client: a replica of the target's document that makes the edit. */
let remote: { doc: Y.Doc; local: Y.Doc; id: string } | null = null;
function target(): { doc: Y.Doc; local: Y.Doc; id: string } {
  if (remote) return remote;
  // The first annotation node the canvas has drawn (a large map opens on its first nodes).
  const el = document.querySelector<HTMLElement>("[data-testid=map-node][data-kind=annotation]");
  const id = el?.dataset.nodeId;
  if (!id) throw new Error("no annotation node on the canvas");
  const d = payload.docs.find((x) => getAnnotation(documents.get(x.id)!, id));
  if (!d) throw new Error(`annotation ${id} in no document`);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bytes(d.update));
  remote = { doc, local: documents.get(d.id)!, id };
  return remote;
}

window.benchUpdate = async (run: number) => {
  const { doc, local, id } = target();
  const second = payload.themes[1]!;
  const { update, on } = tagUpdate(doc, local, id, run);
  const shows = () => (document.querySelector(`[data-testid=map-node][data-node-id="${id}"]`)?.textContent ?? "").includes(second.name) === on;
  if (shows()) throw new Error("the node already shows the update");
  const changed = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error("the node did not show the update within 10 s"));
    }, 10_000);
    const observer = new MutationObserver(() => {
      if (!shows()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  performance.mark(`remote-${run}:start`);
  const t0 = performance.now();
  Y.applyUpdate(local, update, provider);
  await changed;
  // The frame that draws the change (layout, paint) and whatever the commit scheduled for it.
  await frame();
  await frame();
  performance.mark(`remote-${run}:end`);
  return { wallMs: performance.now() - t0 };
};

/**
 * The data part of the same edit, timed synchronously on copies of the docs (fresh Y.Docs from
 * the payload, which no view watches): from applying the update to the map's annotation
 * catalogue being ready. "incremental": the watcher re-reads the one entry, then the snapshot
 * and the catalogue are built, reusing the entries of annotations not re-read (what useMapData does now; the workspace doc is not re-read, an
 * annotation doc changed). "full": every annotation of every document and the whole workspace
 * doc read again (what it did before; the loop of _map/use-map-data-full.ts).
 */
window.benchData = (mode, runs) => {
  const metaCopy = providerDoc();
  Y.applyUpdate(metaCopy, bytes(payload.meta), provider);
  const docs = new Map(payload.docs.map((d) => [d.id, providerDoc()]));
  for (const d of payload.docs) Y.applyUpdate(docs.get(d.id)!, bytes(d.update), provider);
  const first = payload.docs[0]!;
  const local = docs.get(first.id)!;
  const id = listAnnotations(local)[0]!.id;
  const remote = new Y.Doc();
  Y.applyUpdate(remote, bytes(first.update));
  const titles = new Map(info.map((d) => [d.id, d.title]));
  const watch = mode === "incremental" ? watchWorkspaceAnnotations(docs, () => {}) : null;
  const reuse = createCatalogReuse();
  const times: number[] = [];
  let size = 0;
  for (let run = 0; run < runs; run++) {
    const { update } = tagUpdate(remote, local, id, run);
    const t0 = performance.now();
    Y.applyUpdate(local, update, provider);
    let catalog: Map<string, CatalogAnnotation>;
    if (watch) {
      catalog = toCatalog(watch.read().annotations, info, reuse);
    } else {
      catalog = new Map();
      for (const [documentId, doc] of docs) {
        for (const a of listAnnotations(doc)) catalog.set(a.id, { id: a.id, documentId, documentTitle: titles.get(documentId) ?? "", exact: a.anchor.exact, themeIds: a.themeIds, colour: a.colour });
      }
      size += readMapWorkspace(metaCopy).links.length;
    }
    times.push(performance.now() - t0);
    size += catalog.size;
  }
  watch?.stop();
  if (size === 0) throw new Error("read nothing");
  return times;
};

createRoot(document.getElementById("root")!).render(
  <IntlProvider locale="ja" messages={messages} timeZone="Asia/Tokyo">
    <main style={{ padding: "1rem" }}>
      <MapView workspace={workspace} documents={info} user={user} canManage />
    </main>
  </IntlProvider>,
);
