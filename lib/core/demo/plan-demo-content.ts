/**
 * Turns the demo content file into direct-write batches (the same operations an import or an API
 * client sends), leaving out every entry that already exists. Ids are fixed (`demo-…`), so a seed
 * that stopped half way is completed by the next run without doubling anything, and an entry a
 * user has changed or deleted (deletions are tombstones) is never written again.
 */
import { annotationsDocName, buildAnchor, discussionDocName, metaDocName, type DirectBatch, type DirectOperation } from "../collab";
import { HIGHLIGHT_COLOURS } from "../compare/colours";
import { AppError } from "../errors";
import type { DemoContent, DemoLink } from "./demo-content-schema";

export interface DemoDocumentText {
  documentId: string;
  versionId: string;
  text: string;
}

export interface DemoPlanInput {
  content: DemoContent;
  workspaceId: string;
  /** Current version of each corpus file, by file name. */
  documents: ReadonlyMap<string, DemoDocumentText>;
  /** Demo members by key (aoi, ken, mio). */
  members: ReadonlyMap<string, { id: string; name: string }>;
  /** Ids of every entry already in the workspace's docs (annotations, replies, themes, links, nodes). */
  existing: ReadonlySet<string>;
  /** Graph node ids that already have a map position. */
  positioned: ReadonlySet<string>;
}

export const demoId = {
  annotation: (id: string) => `demo-${id}`,
  reply: (annotationId: string, i: number) => `demo-${annotationId}-r${i + 1}`,
  theme: (key: string) => `demo-theme-${key}`,
  link: (id: string) => `demo-link-${id}`,
  node: (id: string) => `demo-node-${id}`,
};

/** Every entry id the content file defines, to tell the seed's entries from users' ones. */
export function demoEntryIds(content: DemoContent): Set<string> {
  const ids = new Set<string>();
  for (const t of content.themes) {
    ids.add(demoId.theme(t.key));
    for (const c of t.children) ids.add(demoId.theme(c.key));
  }
  for (const list of Object.values(content.documents)) {
    for (const a of list) {
      ids.add(demoId.annotation(a.id));
      a.replies.forEach((_, i) => ids.add(demoId.reply(a.id, i)));
    }
  }
  for (const l of [...content.links, ...content.map.links]) ids.add(demoId.link(l.id));
  for (const n of content.map.nodes) ids.add(demoId.node(n.id));
  return ids;
}

/**
 * Where `quote` is in `text`: the only occurrence, or the only one right after `prefix`.
 * @throws AppError("invalid_input") naming the entry when it is missing or ambiguous — a demo
 *   passage that no longer says what the note says must stop the seed, not be skipped.
 */
export function locateQuote(text: string, quote: string, prefix: string | undefined, where: string): { start: number; end: number } {
  const hits: number[] = [];
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    if (prefix === undefined || text.slice(Math.max(0, i - prefix.length), i) === prefix) hits.push(i);
  }
  if (hits.length !== 1) {
    const why = hits.length === 0 ? "is not in the text" : `occurs ${hits.length} times (add a prefix)`;
    throw new AppError("invalid_input", `demo content ${where}: the quote ${why}: 「${quote.slice(0, 40)}…」`);
  }
  return { start: hits[0]!, end: hits[0]! + quote.length };
}

/** The batches still to send, in order: themes, annotations, replies, map nodes and links, positions. */
export function planDemoContent(input: DemoPlanInput): DirectBatch[] {
  const { content, workspaceId, existing } = input;
  const member = (key: string, where: string) => {
    const m = input.members.get(key);
    if (!m) throw new AppError("invalid_input", `demo content ${where}: unknown member "${key}"`);
    return m;
  };
  const meta = metaDocName(workspaceId);
  const batches: DirectBatch[] = [];
  const push = (by: string, documentName: string, operations: DirectOperation[], where: string) => {
    for (let i = 0; i < operations.length; i += 100) {
      batches.push({ actor: member(by, where), steps: [{ documentName, operations: operations.slice(i, i + 100) }] });
    }
  };

  const themeKeys = new Set<string>();
  const themeOps: DirectOperation[] = [];
  content.themes.forEach((root, i) => {
    themeKeys.add(root.key);
    if (!existing.has(demoId.theme(root.key))) themeOps.push({ op: "upsertTheme", input: { id: demoId.theme(root.key), name: root.name, colour: root.colour, description: root.description, parentId: null, order: i } });
    root.children.forEach((child, j) => {
      themeKeys.add(child.key);
      if (!existing.has(demoId.theme(child.key))) {
        themeOps.push({ op: "upsertTheme", input: { id: demoId.theme(child.key), name: child.name, colour: child.colour, description: child.description, parentId: demoId.theme(root.key), order: j } });
      }
    });
  });
  const ownerKey = [...input.members.keys()][0]!;
  if (themeOps.length) push(ownerKey, meta, themeOps, "themes");

  const annotationDoc = new Map<string, string>();
  const replies: { by: string; documentName: string; op: DirectOperation }[] = [];
  for (const [file, list] of Object.entries(content.documents)) {
    const doc = input.documents.get(file);
    if (!doc) throw new AppError("invalid_input", `demo content: no demo document from ${file}`);
    const byAuthor = new Map<string, DirectOperation[]>();
    for (const a of list) {
      const where = `${file} ${a.id}`;
      const id = demoId.annotation(a.id);
      if (annotationDoc.has(a.id)) throw new AppError("invalid_input", `demo content ${where}: the id is used twice`);
      annotationDoc.set(a.id, doc.documentId);
      // Located even when the entry exists: a quote that no longer matches must fail every run.
      const { start, end } = locateQuote(doc.text, a.quote, a.prefix, where);
      for (const t of a.themes) if (!themeKeys.has(t)) throw new AppError("invalid_input", `demo content ${where}: unknown theme "${t}"`);
      a.replies.forEach((r, i) => {
        const replyId = demoId.reply(a.id, i);
        if (!existing.has(replyId)) {
          replies.push({ by: r.by, documentName: discussionDocName(workspaceId, doc.documentId), op: { op: "addReply", input: { id: replyId, annotationId: id, body: r.body } } });
        }
      });
      if (existing.has(id)) continue;
      const colour = HIGHLIGHT_COLOURS.find((c) => c.id === (a.colour ?? "yellow"))!.hex;
      const ops = byAuthor.get(a.by) ?? [];
      ops.push({ op: "createAnnotation", input: { id, anchor: buildAnchor(doc.text, doc.versionId, start, end), colour, themeIds: a.themes.map(demoId.theme), ...(a.note ? { note: a.note } : {}) } });
      // In the same transaction as its creation, so a resolved note is never seen open.
      if (a.resolved) ops.push({ op: "setStatus", id, status: "resolved" });
      byAuthor.set(a.by, ops);
    }
    for (const [by, ops] of byAuthor) push(by, annotationsDocName(workspaceId, doc.documentId), ops, `${file} (${by})`);
  }
  // Replies per author and discussion doc, in file order within each.
  const replyGroups = new Map<string, { by: string; documentName: string; ops: DirectOperation[] }>();
  for (const r of replies) {
    const k = `${r.by}\n${r.documentName}`;
    const g = replyGroups.get(k) ?? { by: r.by, documentName: r.documentName, ops: [] };
    g.ops.push(r.op);
    replyGroups.set(k, g);
  }
  for (const g of replyGroups.values()) push(g.by, g.documentName, g.ops, "replies");

  const nodeKeys = new Set(content.map.nodes.map((n) => n.id));
  const endpoint = (k: string, where: string) => {
    if (nodeKeys.has(k)) return { kind: "node" as const, id: demoId.node(k) };
    const documentId = annotationDoc.get(k);
    if (!documentId) throw new AppError("invalid_input", `demo content ${where}: unknown annotation or node "${k}"`);
    return { kind: "annotation" as const, id: demoId.annotation(k), documentId };
  };
  const mapOps = new Map<string, DirectOperation[]>();
  const add = (by: string, op: DirectOperation) => mapOps.set(by, [...(mapOps.get(by) ?? []), op]);
  for (const n of content.map.nodes) {
    if (!existing.has(demoId.node(n.id))) add(n.by, { op: "addMapNode", input: { id: demoId.node(n.id), kind: n.kind, text: n.text, position: { x: n.x, y: n.y } } });
  }
  const links: DemoLink[] = [...content.links, ...content.map.links];
  for (const l of links) {
    const where = `link ${l.id}`;
    const from = endpoint(l.from, where);
    const to = endpoint(l.to, where);
    if (!existing.has(demoId.link(l.id))) add(l.by, { op: "addLink", input: { id: demoId.link(l.id), from, to, kind: l.relation, ...(l.note ? { note: l.note } : {}) } });
  }
  for (const [by, ops] of mapOps) push(by, meta, ops, `map (${by})`);

  const positions = layoutAnnotations(content, links, input.positioned);
  if (Object.keys(positions).length) push(ownerKey, meta, [{ op: "setMapPositions", positions }], "map positions");
  return batches;
}

/**
 * Places the linked annotations on the map: one column per paper (in corpus order), in the order
 * of the file, under the free claims and questions — a reader sees at a glance which paper says
 * what. Only positions nobody has set yet are returned (a user's arrangement stays).
 */
function layoutAnnotations(content: DemoContent, links: readonly DemoLink[], positioned: ReadonlySet<string>): Record<string, { x: number; y: number }> {
  const linked = new Set(links.flatMap((l) => [l.from, l.to]));
  const out: Record<string, { x: number; y: number }> = {};
  Object.values(content.documents).forEach((list, column) => {
    let row = 0;
    for (const a of list) {
      if (!linked.has(a.id)) continue;
      const id = demoId.annotation(a.id);
      if (!positioned.has(id)) out[id] = { x: column * 420, y: row * 150 };
      row++;
    }
  });
  return out;
}
