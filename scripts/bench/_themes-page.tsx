/**
 * Browser side of the themes bench (bundled by scripts/bench/themes.ts with esbuild; the runner
 * skips files starting with _). Two phases, timed apart: load — the initial sync of a workspace
 * as the matrix page goes through it (see `load` below); render — compute the matrix and render
 * the real MatrixTable, through layout and paint (what the page does on first display and again
 * after every remote change).
 */
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { IntlProvider } from "use-intl";
import * as Y from "yjs";
import { allThemes } from "../../lib/collab/model";
import { computeMatrix, type AnalysisAnnotation } from "../../lib/core/themes";
import { MatrixTable } from "../../components/themes/MatrixTable";
import { watchWorkspaceAnnotations } from "../../lib/collab/client/stores/workspace-annotations";
import messages from "../../lib/i18n/messages/ja/themes.json";

interface Payload {
  meta: string;
  docs: { id: string; title: string; versionId: string; textLength: number; update: string }[];
}

const bytes = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const painted = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/**
 * A Y.Doc as the page's HocuspocusProvider holds it: the provider listens to "update" to send
 * local edits, and ignores its own. The listener matters even so: with one attached, Yjs
 * encodes every applied update again for it — the initial sync included.
 */
function providerDoc(provider: object): Y.Doc {
  const doc = new Y.Doc();
  doc.on("update", (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
  });
  return doc;
}

/**
 * What the matrix page does from its docs' creation to the annotations it publishes: the
 * session creates the Y.Docs, useWorkspaceAnnotations starts watching them (through the same
 * watchWorkspaceAnnotations) before anything has arrived, then each doc's sync step 2 is
 * applied with the provider as origin — binary, as the WebSocket delivers it, so the payload's
 * base64 is decoded before the clock starts.
 */
function load(metaUpdate: Uint8Array, updates: readonly { id: string; update: Uint8Array }[]): { meta: Y.Doc; annotations: AnalysisAnnotation[] } {
  const provider = {};
  const meta = providerDoc(provider);
  const docs = new Map(updates.map((d) => [d.id, providerDoc(provider)]));
  const watch = watchWorkspaceAnnotations(docs, () => {});
  Y.applyUpdate(meta, metaUpdate, provider);
  for (const d of updates) Y.applyUpdate(docs.get(d.id)!, d.update, provider);
  const { annotations } = watch.read();
  watch.stop();
  return { meta, annotations };
}

async function render(payload: Payload): Promise<{ loadMs: number; renderMs: number; cells: number; annotations: number }> {
  const host = document.createElement("div");
  document.body.replaceChildren(host);
  const metaUpdate = bytes(payload.meta);
  const updates = payload.docs.map((d) => ({ id: d.id, update: bytes(d.update) }));
  const t0 = performance.now();
  const { meta, annotations } = load(metaUpdate, updates);
  const t1 = performance.now();
  const matrix = computeMatrix({ themes: allThemes(meta), documents: payload.docs, annotations });
  const root = createRoot(host);
  flushSync(() =>
    root.render(
      <IntlProvider locale="ja" messages={messages}>
        <MatrixTable matrix={matrix} collapsed={new Set()} onToggle={() => {}} onCell={() => {}} onTheme={() => {}} />
      </IntlProvider>,
    ),
  );
  void host.getBoundingClientRect().height; // layout
  await painted();
  const done = performance.now();
  const cells = host.querySelectorAll("[data-testid=matrix-cell]").length;
  root.unmount();
  return { loadMs: t1 - t0, renderMs: done - t1, cells, annotations: annotations.length };
}

/** The simplest thing that could work: a precomputed count grid written as one HTML string. */
async function baseline(grid: number[][]): Promise<number> {
  const t0 = performance.now();
  document.body.innerHTML = `<table>${grid.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")}</table>`;
  void document.body.getBoundingClientRect().height;
  await painted();
  return performance.now() - t0;
}

Object.assign(window, { benchRender: render, benchBaseline: baseline });
