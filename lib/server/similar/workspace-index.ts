/**
 * The similarity index of a workspace, built once and reused (issue #13). It lives in this web
 * process's memory, keyed by the workspace and the set of (document, current version): importing
 * a version, deleting or adding a document changes the key and the next query rebuilds. Titles
 * are read on every query (a rename needs no rebuild).
 *
 * Why memory and not PostgreSQL: the index is derived from immutable versions, a query over it
 * takes a few milliseconds (`npm run bench -- similar`: p95 6–10 ms on 10 MB of Japanese), and
 * rebuilding it costs 0.3–0.5 s per MB of text on a loaded 2-core machine, paid once per new
 * version; persisting ~4 million postings would add a table of millions of rows and a query of
 * them per request to save that. Known cost: the build runs on the web process's thread, so
 * the first query after a new version of a 10 MB workspace waits (and holds other requests)
 * for a few seconds; a worker thread or a per-version incremental build would remove that. Each web instance builds its
 * own copy (the web tier stays stateless). Bounded: at most CACHE_MAX workspaces are kept, the
 * least recently used dropped first; concurrent queries share one build.
 */
import { buildSimilarIndex, type SimilarIndex, type SourceDocument } from "../../core/similar";
import { sanitiseBlocks } from "../../core/reader";
import { prisma } from "../db/client";
import { logger } from "../log";

const log = logger("similar");
const CACHE_MAX = 8;

export interface WorkspaceIndex {
  index: SimilarIndex;
  /** Live documents' titles, read with the key. */
  titles: Map<string, string>;
}

interface Entry {
  key: string;
  index: Promise<SimilarIndex>;
}

const cache = new Map<string, Entry>();

interface CurrentDocument {
  id: string;
  title: string;
  versionId: string;
}

/** The live documents of a workspace with their current (highest-numbered) version. */
async function currentDocuments(workspaceId: string): Promise<CurrentDocument[]> {
  const rows = await prisma.document.findMany({
    where: { workspaceId, deletedAt: null },
    select: { id: true, title: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } },
  });
  return rows.flatMap((d) => (d.versions[0] ? [{ id: d.id, title: d.title, versionId: d.versions[0].id }] : []));
}

async function build(workspaceId: string, docs: CurrentDocument[]): Promise<SimilarIndex> {
  const t0 = performance.now();
  const versions = await prisma.documentVersion.findMany({ where: { id: { in: docs.map((d) => d.versionId) } }, select: { id: true, documentId: true, text: true, blocks: true } });
  // Document order fixed by id, so that two builds of one key rank ties alike.
  versions.sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
  const sources: SourceDocument[] = versions.map((v) => ({ documentId: v.documentId, versionId: v.id, text: v.text, blocks: sanitiseBlocks(v.blocks, v.text.length) }));
  const index = buildSimilarIndex(sources);
  log.info({ workspaceId, documents: sources.length, units: index.units.length, postings: index.postingUnit.length, ms: Math.round(performance.now() - t0) }, "similarity index built");
  return index;
}

/** The workspace's index for its current versions, built on first use or when they changed. */
export async function workspaceIndex(workspaceId: string): Promise<WorkspaceIndex> {
  const docs = await currentDocuments(workspaceId);
  const key = docs.map((d) => `${d.id}:${d.versionId}`).sort().join(",");
  let entry = cache.get(workspaceId);
  if (!entry || entry.key !== key) {
    entry = { key, index: build(workspaceId, docs) };
    // A failed build is not kept: the next query tries again.
    entry.index.catch(() => cache.get(workspaceId) === entry && cache.delete(workspaceId));
  }
  // Re-inserting marks the entry as the most recently used.
  cache.delete(workspaceId);
  cache.set(workspaceId, entry);
  while (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return { index: await entry.index, titles: new Map(docs.map((d) => [d.id, d.title])) };
}

/** Forgets every cached index (tests). */
export function clearSimilarCache(): void {
  cache.clear();
}
