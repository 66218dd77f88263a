/**
 * The workspace of the map bench's `map_remote_update_ms`, as Y.Doc updates: 50 themes,
 * 20 documents holding 10,000 annotations (the themes bench's sizes), and on the map the
 * synthetic graph of the layout bench (1,000 nodes — annotations placed on the map, a few
 * claims and questions — and 2,000 links) at the positions ELK gave it, so the map opens laid
 * out, as a map in use does. Seeded: every run measures the same workspace.
 */
import * as Y from "yjs";
import { buildAnchor, createAnnotation, listArgumentLinks, listMapEntries, upsertTheme } from "../../../lib/collab/model";
import { linksMap, nodesMap, positionsMap } from "../../../lib/collab/model/structure";
import { syntheticMap } from "./synthetic";
import type { RemotePayload } from "./remote";
import { random } from "../_random";

const THEMES = 50;
const DOCUMENTS = 20;
const ANNOTATIONS = 10_000;
const TEXT_LENGTH = 60_000;

const b64 = (u: Uint8Array): string => Buffer.from(u).toString("base64");

export function remoteWorkspace(positions: Readonly<Record<string, { x: number; y: number }>>): RemotePayload & { annotations: number; mapNodes: number; links: number } {
  const rnd = random(11);
  const at = new Date("2026-01-01T00:00:00Z");
  const actor = { id: "bench", name: "Bench" };
  const meta = new Y.Doc();
  // "テーマN番": no name is a substring of another, so the page can tell which chips a node shows.
  const themes = Array.from({ length: THEMES }, (_, i) => upsertTheme(meta, { name: `テーマ${i + 1}番`, colour: "#2e86ab" }, at));
  const text = "日米同盟における拡大抑止の信頼性をどう高めるか。".repeat(Math.ceil(TEXT_LENGTH / 24)).slice(0, TEXT_LENGTH);
  const docs: RemotePayload["docs"] = [];
  const byDoc: { documentId: string; ids: string[] }[] = [];
  for (let d = 0; d < DOCUMENTS; d++) {
    const doc = new Y.Doc();
    const ids: string[] = [];
    for (let i = 0; i < ANNOTATIONS / DOCUMENTS; i++) {
      const start = Math.floor(rnd() * (TEXT_LENGTH - 400));
      const tags = new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => themes[2 + Math.floor(rnd() * (THEMES - 2))]!.id));
      const createdAt = new Date(at.getTime() + (d * 1000 + i) * 1000);
      ids.push(createAnnotation(doc, { anchor: buildAnchor(text, `v${d}`, start, start + 20 + Math.floor(rnd() * 300)), colour: "#ffcc00", themeIds: [...tags] }, actor, createdAt).id);
    }
    docs.push({ id: `doc-${d}`, title: `政策文書 ${d + 1}`, update: b64(Y.encodeStateAsUpdate(doc)) });
    byDoc.push({ documentId: `doc-${d}`, ids });
  }

  // The synthetic graph's annotation nodes stand for annotations spread over the documents.
  const { nodes, edges } = syntheticMap(1000, 2000);
  const endpoint = new Map<string, { kind: "annotation" | "node"; id: string; documentId?: string }>();
  meta.transact(() => {
    nodes.forEach((n, i) => {
      const createdAt = at.toISOString();
      let graphId: string;
      if (n.kind === "annotation") {
        const d = byDoc[i % DOCUMENTS]!;
        graphId = d.ids[Math.floor(i / DOCUMENTS)]!;
        endpoint.set(n.id, { kind: "annotation", id: graphId, documentId: d.documentId });
        nodesMap(meta).set(`place-${i}`, { id: `place-${i}`, kind: "annotation", annotationId: graphId, author: actor, createdAt });
      } else {
        graphId = `node-${i}`;
        endpoint.set(n.id, { kind: "node", id: graphId });
        nodesMap(meta).set(graphId, { id: graphId, kind: n.kind, label: n.text, author: actor, createdAt });
      }
      const p = positions[n.id];
      if (p) positionsMap(meta).set(graphId, { x: Math.round(p.x), y: Math.round(p.y) });
    });
    for (const e of edges) {
      linksMap(meta).set(`link-${e.id}`, { id: `link-${e.id}`, from: endpoint.get(e.source), to: endpoint.get(e.target), kind: e.relation, author: actor, createdAt: at.toISOString() });
    }
  });
  return {
    meta: b64(Y.encodeStateAsUpdate(meta)),
    docs,
    themes: themes.slice(0, 2).map((t) => ({ id: t.id, name: t.name })),
    annotations: byDoc.reduce((n, d) => n + d.ids.length, 0),
    mapNodes: listMapEntries(meta).length,
    links: listArgumentLinks(meta).length,
  };
}
