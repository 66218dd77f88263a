/**
 * Browser side of the themes bench (bundled by scripts/bench/themes.ts with esbuild; the runner
 * skips files starting with _). Two phases, timed apart: load — decode the Y.Doc updates of a
 * workspace as the matrix page receives them and read themes and annotations with the client
 * library; render — compute the matrix and render the real MatrixTable, through layout and
 * paint (what the page does on first display and again after every remote change).
 */
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { IntlProvider } from "use-intl";
import * as Y from "yjs";
import { allThemes, listAnnotations } from "../../lib/collab/model";
import { computeMatrix, type AnalysisAnnotation } from "../../lib/core/themes";
import { MatrixTable } from "../../components/themes/MatrixTable";
import messages from "../../lib/i18n/messages/ja/themes.json";

interface Payload {
  meta: string;
  docs: { id: string; title: string; versionId: string; textLength: number; update: string }[];
}

const bytes = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const painted = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

async function render(payload: Payload): Promise<{ loadMs: number; renderMs: number; cells: number }> {
  const host = document.createElement("div");
  document.body.replaceChildren(host);
  const t0 = performance.now();
  const meta = new Y.Doc();
  Y.applyUpdate(meta, bytes(payload.meta));
  const annotations: AnalysisAnnotation[] = [];
  for (const d of payload.docs) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, bytes(d.update));
    for (const a of listAnnotations(doc)) annotations.push({ id: a.id, documentId: d.id, versionId: a.anchor.versionId, start: a.anchor.start, end: a.anchor.end, exact: a.anchor.exact, themeIds: a.themeIds });
  }
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
  return { loadMs: t1 - t0, renderMs: done - t1, cells };
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
