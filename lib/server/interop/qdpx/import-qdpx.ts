/**
 * Imports a REFI-QDA project (.qdpx) into a workspace. Everything that can refuse is checked
 * before the first write: the zip (bounded, read-qdpx-zip), the schema (xmllint, validate-xml),
 * duplicate GUIDs, and every source extracted through the import pipeline in the worker pool
 * with its selections landed on the canonical text (map-positions). Then documents are created,
 * and themes, annotations, notes, replies, links and map nodes go through the collab server's
 * direct writes, so connected users see them at once. The report lists what came in, what was
 * mapped, and what Synoptic cannot show (pictures, audio, video, PDF selections, cases, sets).
 */
import { normaliseRelation, type Relation } from "../../../core/argument";
import { annotationsDocName, buildAnchor, COLLAB_LIMITS, discussionDocName, metaDocName, type DirectOperation } from "../../../core/collab";
import { AppError } from "../../../core/errors";
import { checkProjectStructure, parseXml, placeSelection, readProject, sourceTexts, XmlLimitError, type ReadProject, type ReadSource, type UnsupportedItem } from "../../../core/interop/qdpx";
import { prisma } from "../../../infra/db/client";
import { createDocument } from "../../documents/create-document";
import { contentOf } from "../../import/content-of";
import { mimeOf } from "../../import/detect-format";
import { extractInWorker } from "../../import/extract-pool";
import type { ExtractedSource } from "../../import/extract-source";
import { sendCollabOperations } from "../../collab/send-collab-operations";
import { logger } from "../../../infra/log";
import { parseSelectionDescription } from "./build-project";
import { planThemes } from "./plan-themes";
import { readQdpxZip } from "./read-qdpx-zip";
import { validateProjectXml, type SchemaCheck } from "./validate-xml";

const log = logger("qdpx-import");
const DEFAULT_COLOUR = "#f2c94c";
const BATCH = 1_000;

export interface NotPlaced {
  source: string;
  guid: string;
  start: number;
  end: number;
  reason: "out_of_range" | "empty" | "text_differs" | "missing_source";
  quote: string;
}

export interface QdpxImportReport {
  validator: SchemaCheck["validator"];
  fallbackReason?: string;
  documents: { id: string; title: string; selections: number; placed: number }[];
  themes: { created: number; matched: number };
  annotations: number;
  notes: number;
  replies: number;
  links: number;
  mapNodes: number;
  placedOnMap: number;
  /** Link and edge names that are not Synoptic relations, and the relation each became. */
  mappedRelations: { name: string; relation: Relation; count: number }[];
  notPlaced: NotPlaced[];
  missingSources: { name: string; path: string }[];
  unsupported: UnsupportedItem[];
  refusedEntries: string[];
  /** Codings naming a code the project does not define. */
  unknownCodes: number;
  /** Texts cut to Synoptic's limits (replies, notes, node labels). */
  truncated: number;
}

export interface QdpxImportInput {
  workspaceId: string;
  bytes: Uint8Array;
  actor: { id: string; name: string };
  now: Date;
}

const decoder = new TextDecoder("utf-8");

/** Reads, validates and parses project.qde; throws with the schema errors when it is invalid. */
export async function readValidProject(bytes: Uint8Array): Promise<{ project: ReadProject; check: SchemaCheck; entries: Awaited<ReturnType<typeof readQdpxZip>> }> {
  const entries = await readQdpxZip(bytes);
  const xml = decoder.decode(entries.project).replace(/^\ufeff/, "");
  let root;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlLimitError) throw new AppError("too_large", "qdpx_too_complex", { details: { limit: e.limit, value: e.value } });
    throw new AppError("invalid_input", "qdpx_schema_invalid", { cause: e, details: { errors: ["not well-formed XML"] } });
  }
  const check = await validateProjectXml(entries.project, () => (root ? checkProjectStructure(root) : ["empty document"]));
  if (!check.valid || !root) throw new AppError("invalid_input", "qdpx_schema_invalid", { details: { validator: check.validator, errors: check.errors.length ? check.errors : ["no root element"] } });
  const project = readProject(root);
  if (project.problems.length) throw new AppError("invalid_input", "qdpx_schema_invalid", { details: { validator: check.validator, errors: project.problems } });
  return { project, check, entries };
}

const internalPath = (p: string) => (p.startsWith("internal://") ? `Sources/${p.slice("internal://".length)}` : null);
const cut = (s: string, max: number, counter: { truncated: number }) => (s.length > max ? (counter.truncated++, s.slice(0, max)) : s);

function relationOf(name: string | undefined, mapped: Map<string, { relation: Relation; count: number }>): Relation {
  const raw = (name ?? "").trim();
  const direct = normaliseRelation(raw) ?? normaliseRelation(raw.toLowerCase().replace(/[\s-]+/g, "_"));
  if (direct) return direct;
  // A suite's own link names ("is cause of", "contradicts"…) have no Synoptic meaning: elaborates
  // is the neutral relation; the report says which names became it.
  const m = mapped.get(raw) ?? { relation: "elaborates" as Relation, count: 0 };
  m.count++;
  mapped.set(raw, m);
  return m.relation;
}

interface Extracted {
  source: ReadSource;
  src: ExtractedSource;
}

export async function importQdpx(input: QdpxImportInput): Promise<QdpxImportReport> {
  const started = performance.now();
  const { project, check, entries } = await readValidProject(input.bytes);
  const report: QdpxImportReport = {
    validator: check.validator,
    ...(check.fallbackReason ? { fallbackReason: check.fallbackReason } : {}),
    documents: [], themes: { created: 0, matched: 0 }, annotations: 0, notes: 0, replies: 0, links: 0, mapNodes: 0, placedOnMap: 0,
    mappedRelations: [], notPlaced: [], missingSources: [], unsupported: project.unsupported, refusedEntries: entries.refused, unknownCodes: 0, truncated: 0,
  };

  // 1. Sources through the import pipeline (worker pool, Shift_JIS and other encodings decoded).
  const extracted: Extracted[] = [];
  for (const source of project.sources) {
    const path = internalPath(source.plainTextPath);
    const bytes = source.inlineText !== undefined ? new TextEncoder().encode(source.inlineText) : path ? entries.sources.get(path) : undefined;
    if (!bytes) {
      report.missingSources.push({ name: source.name, path: source.plainTextPath || source.richTextPath || "" });
      for (const s of source.selections) report.notPlaced.push({ source: source.name, guid: s.guid, start: s.start, end: s.end, reason: "missing_source", quote: "" });
      continue;
    }
    const base = (source.name || "source").replace(/[\\/]/g, "_").slice(0, 200);
    extracted.push({ source, src: await extractInWorker(`${base}.txt`, bytes) });
  }

  // 2. Selections landed on the canonical texts; nothing written yet.
  const placed = extracted.map(({ source, src }) => {
    const texts = sourceTexts(src.raw, src.normalised.text, src.normalised.offsetMap);
    const ok: { sel: ReadSource["selections"][number]; start: number; end: number }[] = [];
    for (const sel of source.selections) {
      const p = placeSelection(texts, sel.start, sel.end);
      if (p.ok) ok.push({ sel, start: p.start, end: p.end });
      else report.notPlaced.push({ source: source.name, guid: sel.guid, start: sel.start, end: sel.end, reason: p.reason, quote: p.rawQuote.slice(0, 80) });
    }
    return ok;
  });

  // 3. Themes.
  const existing = await prisma.theme.findMany({ where: { workspaceId: input.workspaceId }, select: { id: true, name: true, colour: true } });
  const themes = planThemes(project.codes, existing);
  report.themes = { created: themes.created, matched: themes.matched };

  // 4. Writes: documents, then the collab documents.
  const actor = { id: input.actor.id, name: input.actor.name.slice(0, COLLAB_LIMITS.nameMax) || "import" };
  const send = async (documentName: string, operations: DirectOperation[]) => {
    for (let i = 0; i < operations.length; i += BATCH) await sendCollabOperations({ documentName, actor, operations: operations.slice(i, i + BATCH) });
  };
  await send(metaDocName(input.workspaceId), themes.operations);

  const noteById = new Map(project.notes.map((n) => [n.guid, n]));
  const noteText = (guid: string) => {
    const n = noteById.get(guid);
    if (!n) return "";
    if (n.text || !n.path) return n.text;
    const bytes = entries.sources.get(internalPath(n.path) ?? "");
    return bytes ? decoder.decode(bytes) : "";
  };
  const annotationOf = new Map<string, { id: string; documentId: string }>();
  for (let k = 0; k < extracted.length; k++) {
    const { source, src } = extracted[k]!;
    const doc = await createDocument(input.workspaceId, input.actor.id, { title: (source.name || "—").slice(0, 200), language: src.normalised.language, sourceName: `${source.name}.txt`, sourceType: mimeOf(src.format) }, contentOf(src), input.now);
    const version = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc.id }, select: { id: true, text: true } });
    const annotationOps: DirectOperation[] = [];
    const replyOps: DirectOperation[] = [];
    for (const { sel, start, end } of placed[k]!) {
      const id = globalThis.crypto.randomUUID();
      annotationOf.set(sel.guid, { id, documentId: doc.id });
      const themeIds = [...new Set(sel.codings.map((c) => themes.themeOf.get(c.codeGuid)).filter((t): t is string => !!t))];
      report.unknownCodes += sel.codings.filter((c) => !themes.themeOf.has(c.codeGuid)).length;
      const own = parseSelectionDescription(sel.description);
      const colour = own.colour ?? themes.colourOf.get(sel.codings[0]?.codeGuid ?? "") ?? DEFAULT_COLOUR;
      const notes = sel.noteGuids.filter((g) => noteById.get(g)?.kind !== "reply").map(noteText).filter((t) => t.trim());
      const note = cut(notes.join("\n\n"), 50_000, report);
      annotationOps.push({ op: "createAnnotation", input: { id, anchor: buildAnchor(version.text, version.id, start, end), colour, themeIds: themeIds.slice(0, COLLAB_LIMITS.themesPerAnnotation), ...(note ? { note } : {}) } });
      if (own.status === "resolved") annotationOps.push({ op: "setStatus", id, status: "resolved" });
      report.notes += notes.length;
      for (const g of sel.noteGuids.filter((g) => noteById.get(g)?.kind === "reply")) {
        const body = cut(noteText(g).normalize("NFC").trim(), COLLAB_LIMITS.replyMax, report);
        if (body) replyOps.push({ op: "addReply", input: { annotationId: id, body } });
      }
    }
    await send(annotationsDocName(input.workspaceId, doc.id), annotationOps);
    await send(discussionDocName(input.workspaceId, doc.id), replyOps);
    report.annotations += placed[k]!.length;
    report.replies += replyOps.length;
    report.documents.push({ id: doc.id, title: doc.title, selections: source.selections.length, placed: placed[k]!.length });
  }

  // 5. Links, then the graphs (vertices → map nodes / placements, edges → links).
  const mapped = new Map<string, { relation: Relation; count: number }>();
  const metaOps: DirectOperation[] = [];
  const seen = new Set<string>();
  const linkOp = (from: { kind: "annotation" | "node"; id: string }, to: { kind: "annotation" | "node"; id: string }, relation: Relation, note?: string) => {
    const key = `${from.kind}:${from.id}>${to.kind}:${to.id}>${relation}`;
    if (from.id === to.id || seen.has(key)) return false;
    seen.add(key);
    metaOps.push({ op: "addLink", input: { from, to, kind: relation, ...(note ? { note } : {}) } });
    return true;
  };
  const linkGuids = new Set<string>();
  for (const l of project.links) {
    const from = annotationOf.get(l.originGuid);
    const to = annotationOf.get(l.targetGuid);
    if (!from || !to) continue;
    const note = cut(l.noteGuids.map(noteText).filter((t) => t.trim()).join("\n\n"), COLLAB_LIMITS.labelMax * 4, report);
    if (linkOp({ kind: "annotation", id: from.id }, { kind: "annotation", id: to.id }, relationOf(l.name, mapped), note)) report.links++;
    linkGuids.add(l.guid);
  }
  for (const g of project.graphs) {
    const endpoint = new Map<string, { kind: "annotation" | "node"; id: string }>();
    for (const v of g.vertices) {
      const ann = v.representedGuid ? annotationOf.get(v.representedGuid) : undefined;
      if (ann) {
        endpoint.set(v.guid, { kind: "annotation", id: ann.id });
        if (v.shape) {
          metaOps.push({ op: "placeAnnotation", annotationId: ann.id, position: { x: v.x, y: v.y } });
          report.placedOnMap++;
        }
        continue;
      }
      const id = globalThis.crypto.randomUUID();
      const text = cut((v.name ?? "").replace(/\s+/g, " ").trim() || "—", COLLAB_LIMITS.labelMax, report);
      metaOps.push({ op: "addMapNode", input: { id, kind: v.shape === "Oval" ? "question" : "claim", text, position: { x: v.x, y: v.y } } });
      endpoint.set(v.guid, { kind: "node", id });
      report.mapNodes++;
    }
    for (const e of g.edges) {
      if (e.representedGuid && linkGuids.has(e.representedGuid)) continue;
      const from = endpoint.get(e.source);
      const to = endpoint.get(e.target);
      if (from && to && linkOp(from, to, relationOf(e.name, mapped))) report.links++;
    }
  }
  await send(metaDocName(input.workspaceId), metaOps);
  report.mappedRelations = [...mapped].map(([name, m]) => ({ name, relation: m.relation, count: m.count }));
  log.info({ workspaceId: input.workspaceId, userId: actor.id, validator: check.validator, documents: report.documents.length, annotations: report.annotations, notPlaced: report.notPlaced.length, unsupported: report.unsupported.length, ms: Math.round(performance.now() - started) }, "qdpx imported");
  return report;
}
