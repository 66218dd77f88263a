/**
 * The similarity index of a workspace, built once and reused (issue #13). It lives in this web
 * process's memory, keyed by the workspace and the set of (document, current version): importing
 * a version, deleting or adding a document changes the key and the next query rebuilds. Titles
 * are read on every query (a rename needs no rebuild).
 *
 * Why memory and not PostgreSQL: the index is derived from immutable versions, a query over it
 * takes a few milliseconds (`npm run bench -- similar`: p95 6 ms on 10 MB of Japanese on a quiet
 * 2-core machine, 10–24 ms under heavy load), and building it costs about 0.45 s per MB of text
 * (quiet), paid once per workspace and then only for new versions; persisting ~4 million postings would add a table of millions of rows and a query of
 * them per request to save that. A new version re-analyses only that document (the analyses of
 * the others are kept with the entry) and re-assembles the postings. Known cost: the first
 * build of a 10 MB workspace runs on the web process's thread for a few seconds (yielding
 * between documents, so a large paper holds other requests for its own analysis only); a worker
 * thread would remove even that. Each web instance builds its
 * own copy (the web tier stays stateless). Bounded: at most CACHE_MAX workspaces and
 * CACHE_MAX_CHARS characters are kept, the least recently used dropped first; concurrent
 * queries share one build.
 */
import { analyseDocument, assembleIndex, FeatureTable, type AnalysedDocument, type SimilarIndex } from "../../core/similar";
import { sanitiseBlocks } from "../../core/reader";
import { prisma } from "../../infra/db/client";
import { logger } from "../../infra/log";

const log = logger("similar");
const CACHE_MAX = 8;
/**
 * …and at most this many characters of text across them. An index with its kept analyses takes
 * about 25 bytes per character (10 MB of Japanese, 3.4 M characters: 3.9 M postings at 8 bytes,
 * 5.4 M unit–feature pairs at 8 bytes, the text, the feature table), so this bounds the cache
 * near 300 MB however large the workspaces are.
 */
const CACHE_MAX_CHARS = 12_000_000;
/** A workspace's feature table keeps the features of replaced versions; past this size it starts afresh. */
const TABLE_MAX = 4_000_000;

export interface WorkspaceIndex {
  index: SimilarIndex;
  /** Live documents' titles, read with the key. */
  titles: Map<string, string>;
}

interface Entry {
  key: string;
  /** Characters of the indexed texts (for the cache's budget). */
  chars: number;
  index: Promise<SimilarIndex>;
  /** Shared by the entries of one workspace, so analyses of unchanged versions are reused. */
  table: FeatureTable;
  analyses: Map<string, AnalysedDocument>;
}

const cache = new Map<string, Entry>();

interface CurrentDocument {
  id: string;
  title: string;
  versionId: string;
  chars: number;
}

/** The live documents of a workspace with their current (highest-numbered) version. */
async function currentDocuments(workspaceId: string): Promise<CurrentDocument[]> {
  const rows = await prisma.document.findMany({
    where: { workspaceId, deletedAt: null },
    select: { id: true, title: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, charCount: true } } },
  });
  return rows.flatMap((d) => (d.versions[0] ? [{ id: d.id, title: d.title, versionId: d.versions[0].id, chars: d.versions[0].charCount }] : []));
}

/**
 * Builds the index of `docs` into `entry`: versions analysed for the previous key are reused,
 * only new ones are loaded and analysed; the assembly (idf, postings) is always redone.
 */
async function build(workspaceId: string, docs: CurrentDocument[], entry: Omit<Entry, "index">, previous: Entry | undefined): Promise<SimilarIndex> {
  const t0 = performance.now();
  for (const d of docs) {
    const known = previous?.analyses.get(d.versionId);
    if (known) entry.analyses.set(d.versionId, known);
  }
  const missing = docs.filter((d) => !entry.analyses.has(d.versionId)).map((d) => d.versionId);
  const versions = missing.length ? await prisma.documentVersion.findMany({ where: { id: { in: missing } }, select: { id: true, documentId: true, text: true, blocks: true } }) : [];
  for (const v of versions) {
    entry.analyses.set(v.id, analyseDocument(entry.table, { documentId: v.documentId, versionId: v.id, text: v.text, blocks: sanitiseBlocks(v.blocks, v.text.length) }));
    // One document per turn of the event loop: other requests are answered between documents.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Document order fixed by id, so that two builds of one key rank ties alike.
  const analysed = docs
    .map((d) => entry.analyses.get(d.versionId))
    .filter((a): a is AnalysedDocument => a !== undefined)
    .sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
  const index = assembleIndex(entry.table, analysed);
  log.info({ workspaceId, documents: analysed.length, analysed: versions.length, units: index.units.length, postings: index.postingUnit.length, ms: Math.round(performance.now() - t0) }, "similarity index built");
  return index;
}

/** The workspace's index for its current versions, built on first use or when they changed. */
export async function workspaceIndex(workspaceId: string): Promise<WorkspaceIndex> {
  const docs = await currentDocuments(workspaceId);
  const key = docs.map((d) => `${d.id}:${d.versionId}`).sort().join(",");
  let entry = cache.get(workspaceId);
  if (!entry || entry.key !== key) {
    const previous = entry;
    const table = previous && previous.table.size < TABLE_MAX ? previous.table : new FeatureTable();
    const fresh = { key, chars: docs.reduce((n, d) => n + d.chars, 0), table, analyses: new Map<string, AnalysedDocument>() };
    entry = Object.assign(fresh, { index: build(workspaceId, docs, fresh, table === previous?.table ? previous : undefined) });
    // A failed build is not kept: the next query tries again.
    entry.index.catch(() => cache.get(workspaceId) === entry && cache.delete(workspaceId));
  }
  // Re-inserting marks the entry as the most recently used.
  cache.delete(workspaceId);
  cache.set(workspaceId, entry);
  // The least recently used go first; the workspace just asked for always stays.
  let chars = [...cache.values()].reduce((n, e) => n + e.chars, 0);
  for (const [id, e] of cache) {
    if (id === workspaceId || (cache.size <= CACHE_MAX && chars <= CACHE_MAX_CHARS)) break;
    cache.delete(id);
    chars -= e.chars;
  }
  return { index: await entry.index, titles: new Map(docs.map((d) => [d.id, d.title])) };
}
