/**
 * The load generator of the scale benchmarks (not a suite): C real WebSocket connections (one
 * provider and one socket each) over D documents, U annotations per second per document, each
 * made by one of the document's clients in turn. Latency of an update = creation → arrival at
 * the last other client of its document. Sizes come from flags (--connections, --docs, --rate,
 * --seconds) so a 2-core machine can run a scaled-down load; the full load is
 * `--connections=2000 --docs=200 --rate=5`.
 */
import { openCollabDoc, type CollabDocHandle } from "../../lib/collab/client/connect";
import { mintConnectionToken } from "../../lib/collab/auth/token";
import { annotationsDocName, buildAnchor, checkAnchor, createAnnotation } from "../../lib/collab/model";
import { DEMO_TEXT } from "./_collab-world";

export const ORIGIN = "http://localhost:3000";

export interface LoadShape {
  connections: number;
  docs: number;
  /** Updates per second per document. */
  rate: number;
  seconds: number;
}

/** Reads --connections= --docs= --rate= --seconds= (defaults given), also from BENCH_* env. */
export function loadShape(defaults: LoadShape): LoadShape {
  const flag = (name: string, fallback: number) => {
    const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
    const raw = arg?.split("=")[1] ?? process.env[`BENCH_${name.toUpperCase()}`];
    const n = Number(raw);
    return raw !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return { connections: flag("connections", defaults.connections), docs: flag("docs", defaults.docs), rate: flag("rate", defaults.rate), seconds: flag("seconds", defaults.seconds) };
}

export interface LoadDocs {
  names: string[];
  versionIds: string[];
  /** The editor who writes each document (a member of its workspace). */
  editors: { id: string; name: string }[];
}

/**
 * Creates `count` documents, DOCS_PER_WORKSPACE to a workspace (--docs-per-workspace): the
 * projection serialises the stores of one workspace on a lock, so 200 documents in one
 * workspace measure that lock rather than the server. Anchors validate against their versions.
 */
export async function makeLoadDocs(count: number): Promise<LoadDocs> {
  const perWorkspace = Number(process.argv.find((a) => a.startsWith("--docs-per-workspace="))?.split("=")[1] ?? 10);
  const { createDocument } = await import("../../lib/server/documents/create-document");
  const { prisma } = await import("../../lib/infra/db/client");
  const { makeWorld } = await import("../../tests/support/factories");
  const out: LoadDocs = { names: [], versionIds: [], editors: [] };
  let world: Awaited<ReturnType<typeof makeWorld>> | null = null;
  for (let i = 0; i < count; i++) {
    if (!world || i % perWorkspace === 0) world = await makeWorld();
    const doc = await createDocument(world.workspace.id, world.members.owner.id, { title: `load ${i}` }, { text: DEMO_TEXT, blocks: [] }, new Date());
    const version = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc.id }, select: { id: true } });
    out.names.push(annotationsDocName(world.workspace.id, doc.id));
    out.versionIds.push(version.id);
    out.editors.push({ id: world.members.editor.id, name: world.members.editor.name });
  }
  return out;
}

const POSITIONS = (() => {
  const out: number[] = [];
  for (let at = 0; at < DEMO_TEXT.length - 10 && out.length < 500; at += 37) {
    if (!checkAnchor(DEMO_TEXT, buildAnchor(DEMO_TEXT, "v", at, at + 8))) out.push(at);
  }
  return out;
})();

export interface LoadResult {
  latencies: number[];
  sent: number;
  /** Updates that had not reached every other client of their document after the grace period. */
  undelivered: number;
  /** Ids sent per document (to check the store afterwards). */
  sentIds: Map<string, string[]>;
  errors: number;
}

/**
 * Opens the clients (client c of document d connects to urls[c % urls.length]), runs the load for
 * `shape.seconds`, waits up to `graceMs` for stragglers, closes every client. `onWindow` runs at
 * the start and end of the measured window (for CPU and memory samples).
 */
export async function runLoad(opts: {
  urls: string[];
  docs: LoadDocs;
  shape: LoadShape;
  secret: string;
  graceMs?: number;
  /** Prefixes annotation ids (ids are unique across the whole database). */
  tag: string;
  onWindow?: (phase: "start" | "end") => Promise<void>;
}): Promise<LoadResult> {
  const { shape, docs } = opts;
  const perDoc = Math.max(2, Math.round(shape.connections / shape.docs));
  const token = (userId: string) => () => mintConnectionToken({ userId, kind: "browser", sessionVersion: 0, secret: opts.secret });
  const clients: CollabDocHandle[][] = docs.names.map(() => []);
  const pending = new Map<string, { created: number; seen: number; need: number }>();
  const latencies: number[] = [];
  const sentIds = new Map<string, string[]>();
  let errors = 0;
  try {
    // Open in batches: a burst of thousands of handshakes at once measures the accept queue.
    for (let d = 0; d < docs.names.length; d++) {
      for (let c = 0; c < perDoc; c++) {
        const h = openCollabDoc({ url: opts.urls[c % opts.urls.length]!, name: docs.names[d]!, token: token(docs.editors[d]!.id), origin: ORIGIN, onAuthenticationFailed: () => errors++ });
        h.doc.getMap("annotations").observe((event) => {
          if (event.transaction.local) return;
          const now = performance.now();
          for (const key of event.keysChanged) {
            const p = pending.get(key);
            if (!p) continue;
            if (++p.seen >= p.need) {
              latencies.push(now - p.created);
              pending.delete(key);
            }
          }
        });
        clients[d]!.push(h);
      }
      if (d % 10 === 9) await Promise.all(clients.slice(d - 9, d + 1).flat().map((h) => h.ready));
    }
    await Promise.all(clients.flat().map((h) => h.ready));
    await opts.onWindow?.("start");
    const started = performance.now();
    const sent = docs.names.map(() => 0);
    let total = 0;
    while (performance.now() - started < shape.seconds * 1000) {
      const elapsed = (performance.now() - started) / 1000;
      for (let d = 0; d < docs.names.length; d++) {
        // Each document has its own phase, so updates are spread over the second.
        const due = Math.floor(elapsed * shape.rate + d / docs.names.length) - sent[d]!;
        for (let k = 0; k < due; k++) {
          const i = sent[d]!++;
          const writer = clients[d]![i % perDoc]!;
          const at = POSITIONS[(i * 7 + d) % POSITIONS.length]!;
          const id = `${opts.tag}-${d}-${i}`;
          pending.set(id, { created: performance.now(), seen: 0, need: perDoc - 1 });
          createAnnotation(writer.doc, { id, anchor: buildAnchor(DEMO_TEXT, docs.versionIds[d]!, at, at + 8), colour: "#336699" }, docs.editors[d]!, new Date());
          const list = sentIds.get(docs.names[d]!) ?? [];
          list.push(id);
          sentIds.set(docs.names[d]!, list);
          total++;
        }
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    await opts.onWindow?.("end");
    const graceEnd = performance.now() + (opts.graceMs ?? 10_000);
    while (pending.size > 0 && performance.now() < graceEnd) await new Promise((r) => setTimeout(r, 50));
    // Every client's own changes acknowledged before closing, so the store holds them all.
    const settleEnd = performance.now() + (opts.graceMs ?? 10_000);
    while (clients.flat().some((h) => !h.settled()) && performance.now() < settleEnd) await new Promise((r) => setTimeout(r, 50));
    return { latencies, sent: total, undelivered: pending.size, sentIds, errors };
  } finally {
    for (const h of clients.flat()) h.destroy();
  }
}

/** Annotations sent but missing from the projection (after the server stored on shutdown). */
export async function missingFromStore(sentIds: Map<string, string[]>): Promise<number> {
  const { prisma } = await import("../../lib/infra/db/client");
  let missing = 0;
  for (const [name, ids] of sentIds) {
    const stored = new Set((await prisma.annotation.findMany({ where: { collabName: name }, select: { id: true } })).map((r) => r.id));
    missing += ids.filter((id) => !stored.has(id)).length;
  }
  return missing;
}
