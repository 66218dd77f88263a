/**
 * Imports W3C Web Annotation JSON(-LD) or a Hypothesis export into a workspace: validates the
 * whole file, resolves the documents, re-anchors every quote in the latest version (exact, then
 * fuzzy, else orphaned), and writes through the collab server's direct connection so connected
 * users see the annotations at once. Nothing is written when the file has any schema problem
 * or names a document the workspace does not have.
 */
import { z } from "zod";
import { annotationsDocName, buildAnchor, metaDocName, type DirectOperation } from "../../core/collab";
import { createAnchorer, summarise, type AnchoringReport, type AnchorResult } from "../../core/anchoring";
import { codePointIndex, documentIdFromIri, IMPORT_MAX_BYTES, parseImport, type ImportItem } from "../../core/export";
import { AppError } from "../../core/errors";
import { idSchema } from "../../core/validation";
import { prisma } from "../../infra/db/client";
import { defineOperation } from "../ops/define";
import { sendCollabOperations } from "../collab/send-collab-operations";
import { logger } from "../../infra/log";
import { shorten } from "../export/load-sources";

const log = logger("import-annotations");
const DEFAULT_COLOUR = "#f2c94c";
const THEME_COLOURS = ["#e57373", "#64b5f6", "#81c784", "#ffb74d", "#ba68c8", "#4db6ac", "#f06292", "#a1887f"];

export interface ImportResult {
  dryRun: boolean;
  format: "w3c" | "hypothesis";
  report: AnchoringReport;
  imported: number;
  skipped: number;
  themesCreated: number;
  documents: { documentId: string; title: string; report: AnchoringReport }[];
  orphans: { path: string; quote: string }[];
}

interface Placed {
  item: ImportItem;
  documentId: string;
  result: AnchorResult;
}

function decode(bytes: Uint8Array): unknown {
  if (bytes.length > IMPORT_MAX_BYTES) throw new AppError("too_large", "import_too_large", { details: { limit: IMPORT_MAX_BYTES } });
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\ufeff/, ""));
  } catch (e) {
    throw new AppError("invalid_input", "import_json_malformed", { cause: e });
  }
}

/** Which live document each item goes to: the one chosen, or the one its source IRI names. */
async function resolveDocuments(workspaceId: string, items: ImportItem[], documentId: string | undefined): Promise<Map<string, { id: string; title: string }>> {
  const live = await prisma.document.findMany({ where: { workspaceId, deletedAt: null }, select: { id: true, title: true, sourceUrl: true } });
  const byId = new Map(live.map((d) => [d.id, d]));
  const byUrl = new Map(live.filter((d) => d.sourceUrl).map((d) => [d.sourceUrl!, d]));
  if (documentId) {
    const doc = byId.get(documentId);
    if (!doc) throw new AppError("not_found", "document_not_found");
    return new Map(items.map((i) => [i.path, doc]));
  }
  const out = new Map<string, { id: string; title: string }>();
  const unknown = new Set<string>();
  for (const item of items) {
    const doc = byId.get(documentIdFromIri(item.source) ?? "") ?? byUrl.get(item.source ?? "");
    if (doc) out.set(item.path, doc);
    else unknown.add(item.source ?? "(none)");
  }
  if (unknown.size) throw new AppError("invalid_input", "import_unknown_documents", { details: { sources: [...unknown].slice(0, 50) } });
  return out;
}

export interface ImportInput {
  workspaceId: string;
  bytes: Uint8Array;
  documentId?: string;
  dryRun?: boolean;
  actor: { id: string; name: string };
  now: Date;
}

export async function importAnnotations(input: ImportInput): Promise<ImportResult> {
  const parsed = parseImport(decode(input.bytes));
  if (!parsed.ok) throw new AppError("invalid_input", "import_schema_invalid", { details: { issues: parsed.issues.slice(0, 100), count: parsed.issues.length } });
  const { items, format, skipped } = parsed.value;
  const docOf = await resolveDocuments(input.workspaceId, items, input.documentId);

  // Re-anchor in the latest version of each document.
  const placed: Placed[] = [];
  const versions = new Map<string, { id: string; text: string }>();
  for (const documentId of new Set(docOf.values()).values()) {
    const v = await prisma.documentVersion.findFirst({ where: { documentId: documentId.id }, orderBy: { number: "desc" }, select: { id: true, text: true } });
    if (v) versions.set(documentId.id, v);
  }
  const anchorers = new Map<string, ReturnType<typeof createAnchorer>>();
  const codePoints = new Map<string, ReturnType<typeof codePointIndex>>();
  for (const item of items) {
    const doc = docOf.get(item.path)!;
    const version = versions.get(doc.id);
    if (!version) {
      placed.push({ item, documentId: doc.id, result: { status: "orphaned" } });
      continue;
    }
    let anchor = anchorers.get(doc.id);
    if (!anchor) anchorers.set(doc.id, (anchor = createAnchorer(version.text)));
    let position: { start: number; end: number } | undefined;
    if (item.position) {
      let cp = item.position.unit === "codepoint" ? (codePoints.get(doc.id) ?? null) : null;
      if (item.position.unit === "codepoint" && !cp) codePoints.set(doc.id, (cp = codePointIndex(version.text)));
      position = cp ? { start: cp.toUtf16(item.position.start), end: cp.toUtf16(item.position.end) } : { start: item.position.start, end: item.position.end };
    }
    placed.push({ item, documentId: doc.id, result: anchor({ exact: item.exact, prefix: item.prefix, suffix: item.suffix, ...(position ? { position } : {}) }) });
  }

  // Themes: tag names reuse the workspace's themes of the same name, else new ones.
  const existing = await prisma.theme.findMany({ where: { workspaceId: input.workspaceId }, select: { id: true, name: true, colour: true } });
  const themeByName = new Map(existing.map((t) => [t.name.normalize("NFC").trim(), t]));
  const themeOps: DirectOperation[] = [];
  for (const p of placed) {
    if (p.result.status === "orphaned") continue;
    for (const tag of p.item.tags) {
      if (themeByName.has(tag)) continue;
      const theme = { id: globalThis.crypto.randomUUID(), name: tag, colour: THEME_COLOURS[themeOps.length % THEME_COLOURS.length]! };
      themeByName.set(tag, theme);
      themeOps.push({ op: "upsertTheme", input: theme });
    }
  }

  const byDocument = new Map<string, DirectOperation[]>();
  for (const p of placed) {
    if (p.result.status === "orphaned") continue;
    const version = versions.get(p.documentId)!;
    const themes = p.item.tags.map((t) => themeByName.get(t)!);
    const op: DirectOperation = {
      op: "createAnnotation",
      input: {
        anchor: buildAnchor(version.text, version.id, p.result.start, p.result.end),
        colour: themes[0]?.colour ?? DEFAULT_COLOUR,
        themeIds: themes.map((t) => t.id),
        ...(p.item.note ? { note: p.item.note } : {}),
      },
    };
    byDocument.set(p.documentId, [...(byDocument.get(p.documentId) ?? []), op]);
  }

  const titles = new Map([...docOf.values()].map((d) => [d.id, d.title]));
  const result: ImportResult = {
    dryRun: Boolean(input.dryRun),
    format,
    report: summarise(placed.map((p) => p.result)),
    imported: 0,
    skipped,
    themesCreated: 0,
    documents: [...titles].map(([id, title]) => ({ documentId: id, title, report: summarise(placed.filter((p) => p.documentId === id).map((p) => p.result)) })),
    orphans: placed.filter((p) => p.result.status === "orphaned").map((p) => ({ path: p.item.path, quote: shorten(p.item.exact, 80) })),
  };
  if (input.dryRun) return result;

  const actor = { id: input.actor.id, name: input.actor.name.slice(0, 120) || "import" };
  for (let i = 0; i < themeOps.length; i += 1_000) {
    await sendCollabOperations({ documentName: metaDocName(input.workspaceId), actor, operations: themeOps.slice(i, i + 1_000) });
  }
  result.themesCreated = themeOps.length;
  for (const [documentId, operations] of byDocument) {
    const { ids } = await sendCollabOperations({ documentName: annotationsDocName(input.workspaceId, documentId), actor, operations });
    result.imported += ids.length;
  }
  log.info({ workspaceId: input.workspaceId, userId: actor.id, format, ...result.report, imported: result.imported }, "annotations imported");
  return result;
}

/** POST …/annotations/import: the file as the body; editors and owners (`annotation.create`). */
export const importAnnotationsOp = defineOperation({
  name: "annotations.import",
  permission: { kind: "workspace", action: "annotation.create" },
  input: z.object({
    workspaceId: idSchema,
    documentId: idSchema.optional(),
    dryRun: z.boolean().default(false),
    bytes: z.instanceof(Uint8Array),
  }),
  async run(ctx, input) {
    return importAnnotations({ workspaceId: ctx.workspaceId, bytes: input.bytes, documentId: input.documentId, dryRun: input.dryRun, actor: ctx.actor, now: ctx.now });
  },
});
