/**
 * Reading annotations from other tools: W3C Web Annotation JSON(-LD) (an AnnotationCollection,
 * an AnnotationPage, an array or a single Annotation) and Hypothesis' export JSON
 * (`{ annotations: [...] }`, or the API's `{ rows: [...] }`). zod validates the whole file and
 * every problem is listed; nothing is imported from a file with any. The JSON is read as plain
 * data: no JSON-LD processing, no remote context.
 */
import { z } from "zod";
import { COLLAB_LIMITS } from "../collab/entries";

export const IMPORT_MAX_ANNOTATIONS = 1_000;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
const NOTE_MAX = 50_000;

/** One annotation to re-anchor, whatever format it came in. */
export interface ImportItem {
  /** Where it was in the file ("first.items.3"), for reports. */
  path: string;
  /** The IRI/URL of the annotated document, when the file names one. */
  source: string | null;
  exact: string;
  prefix: string;
  suffix: string;
  /** The former position; `unit` says how it counts. */
  position: { start: number; end: number; unit: "codepoint" | "utf16" } | null;
  note: string;
  tags: string[];
}

export interface ParsedImport {
  format: "w3c" | "hypothesis";
  items: ImportItem[];
  /** Annotations that are not excerpts (replies, links, bookmarks): left out, counted. */
  skipped: number;
}

export interface ImportIssue {
  path: string;
  message: string;
}

const text = (max: number) => z.string().max(max);
const quoteSelector = z.object({ type: z.literal("TextQuoteSelector"), exact: text(COLLAB_LIMITS.quoteMax).min(1), prefix: text(10_000).optional(), suffix: text(10_000).optional() });
const positionSelector = z.object({ type: z.literal("TextPositionSelector"), start: z.number().int().min(0), end: z.number().int().min(0) });
const anySelector = z.object({ type: z.string().max(100) }).loose();
const selector = z.union([quoteSelector, positionSelector, anySelector]);
const selectors = z.union([selector, z.array(selector).max(20)]);
const specificTarget = z.object({ source: text(2_000).optional(), id: text(2_000).optional(), selector: selectors.optional() });
const target = z.union([text(2_000), specificTarget]);
const body = z.union([
  text(NOTE_MAX),
  z.object({ type: z.union([z.string().max(100), z.array(z.string().max(100)).max(5)]).optional(), value: text(NOTE_MAX).optional(), purpose: z.string().max(100).optional(), format: z.string().max(100).optional() }).loose(),
]);

const w3cAnnotation = z.object({
  id: text(2_000).optional(),
  type: z.union([z.string().max(100), z.array(z.string().max(100)).max(5)]).optional(),
  motivation: z.union([z.string().max(100), z.array(z.string().max(100)).max(10)]).optional(),
  body: z.union([body, z.array(body).max(200)]).optional(),
  target: z.union([target, z.array(target).min(1).max(20)]),
});
type W3CAnnotation = z.infer<typeof w3cAnnotation>;
const annotations = z.array(w3cAnnotation).max(IMPORT_MAX_ANNOTATIONS, { message: "import_too_many" });

const w3cFile = z.union([
  z.object({ type: z.literal("AnnotationCollection"), first: z.object({ items: annotations }) }).loose(),
  z.object({ type: z.literal("AnnotationPage"), items: annotations }).loose(),
  annotations,
  w3cAnnotation,
]);

const hypothesisAnnotation = z.object({
  id: text(200).optional(),
  uri: text(4_000).optional(),
  text: text(NOTE_MAX).optional(),
  tags: z.array(text(COLLAB_LIMITS.themeNameMax)).max(COLLAB_LIMITS.themesPerAnnotation).optional(),
  target: z.array(z.object({ source: text(4_000).optional(), selector: z.array(selector).max(20).optional() })).max(20),
  references: z.array(z.string().max(200)).optional(),
});
type HypothesisAnnotation = z.infer<typeof hypothesisAnnotation>;
const hypothesisFile = z.union([
  z.object({ annotations: z.array(hypothesisAnnotation).max(IMPORT_MAX_ANNOTATIONS, { message: "import_too_many" }) }).loose(),
  z.object({ rows: z.array(hypothesisAnnotation).max(IMPORT_MAX_ANNOTATIONS, { message: "import_too_many" }) }).loose(),
]);

const NOT_EXCERPTS = new Set(["linking", "replying", "bookmarking"]);
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function findSelectors(list: z.infer<typeof selector>[]) {
  const quote = list.find((s): s is z.infer<typeof quoteSelector> => s.type === "TextQuoteSelector" && typeof (s as { exact?: unknown }).exact === "string");
  const position = list.find((s): s is z.infer<typeof positionSelector> => s.type === "TextPositionSelector" && Number.isInteger((s as { start?: unknown }).start));
  return { quote, position };
}

/** Strips tags of an HTML body so notes stay plain text. */
function plain(value: string, format: string | undefined): string {
  if (format !== "text/html") return value;
  return value.replace(/<br\s*\/?>|<\/p>/gi, "\n").replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&").trim();
}

function fromW3C(a: W3CAnnotation, path: string, issues: ImportIssue[]): ImportItem | "skip" {
  const motivations = asArray(a.motivation);
  const targets = asArray(a.target);
  for (const [i, t] of targets.entries()) {
    if (typeof t === "string") continue;
    const { quote, position } = findSelectors(asArray(t.selector));
    if (!quote) continue;
    let note = "";
    const tags: string[] = [];
    for (const b of asArray(a.body)) {
      if (typeof b === "string") continue; // an IRI body: nothing to keep
      if (typeof b.value !== "string") continue;
      const purpose = b.purpose ?? (motivations.includes("tagging") && !motivations.includes("commenting") ? "tagging" : "commenting");
      if (purpose === "tagging") tags.push(b.value.normalize("NFC").trim());
      else note += (note ? "\n" : "") + plain(b.value, b.format);
    }
    return finish({ path: `${path}.target${targets.length > 1 ? `.${i}` : ""}`, source: t.source ?? t.id ?? null, exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "", position: position ? { start: position.start, end: position.end, unit: "codepoint" } : null, note, tags }, issues);
  }
  if (motivations.some((m) => NOT_EXCERPTS.has(m))) return "skip";
  issues.push({ path: `${path}.target`, message: "import_quote_selector_missing" });
  return "skip";
}

function fromHypothesis(a: HypothesisAnnotation, path: string, issues: ImportIssue[]): ImportItem | "skip" {
  for (const t of a.target) {
    const { quote, position } = findSelectors(t.selector ?? []);
    if (!quote) continue;
    return finish({ path, source: t.source ?? a.uri ?? null, exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "", position: position ? { start: position.start, end: position.end, unit: "utf16" } : null, note: a.text ?? "", tags: (a.tags ?? []).map((t) => t.normalize("NFC").trim()) }, issues);
  }
  // Replies (references) and page notes have no quote: they are not excerpts.
  return "skip";
}

/** Checks what zod cannot see alone: tag names and counts that the collab schema would refuse. */
function finish(item: ImportItem, issues: ImportIssue[]): ImportItem {
  item.tags = [...new Set(item.tags.filter(Boolean))];
  if (item.tags.length > COLLAB_LIMITS.themesPerAnnotation) issues.push({ path: item.path, message: "import_too_many_tags" });
  for (const t of item.tags) if (t.length > COLLAB_LIMITS.themeNameMax) issues.push({ path: item.path, message: "import_tag_too_long" });
  if (item.note.length > NOTE_MAX) issues.push({ path: item.path, message: "import_note_too_long" });
  return item;
}

const zodIssues = (e: z.ZodError): ImportIssue[] => e.issues.map((i) => ({ path: i.path.join("."), message: i.message }));

/**
 * Parses already-decoded JSON. Returns the items, or every issue found (paths point into the
 * file) — a file with any issue imports nothing.
 */
export function parseImport(json: unknown): { ok: true; value: ParsedImport } | { ok: false; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const isHypothesis = typeof json === "object" && json !== null && !Array.isArray(json) && ("annotations" in json || "rows" in json);
  if (isHypothesis) {
    const parsed = hypothesisFile.safeParse(json);
    if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
    const key = "annotations" in parsed.data ? "annotations" : "rows";
    const list = (parsed.data as Record<string, HypothesisAnnotation[]>)[key] ?? [];
    const items: ImportItem[] = [];
    let skipped = 0;
    list.forEach((a, i) => {
      const r = fromHypothesis(a, `${key}.${i}`, issues);
      if (r === "skip") skipped++;
      else items.push(r);
    });
    return issues.length ? { ok: false, issues } : { ok: true, value: { format: "hypothesis", items, skipped } };
  }
  const parsed = w3cFile.safeParse(json);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const d = parsed.data;
  const [list, prefix]: [W3CAnnotation[], string] = Array.isArray(d)
    ? [d, ""]
    : "first" in d && d.type === "AnnotationCollection"
      ? [d.first.items, "first.items."]
      : "items" in d && d.type === "AnnotationPage"
        ? [d.items, "items."]
        : [[d as W3CAnnotation], ""];
  const items: ImportItem[] = [];
  let skipped = 0;
  list.forEach((a, i) => {
    const r = fromW3C(a, `${prefix}${i}`.replace(/\.$/, "") || "0", issues);
    if (r === "skip") skipped++;
    else items.push(r);
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: { format: "w3c", items, skipped } };
}

/** The Synoptic document id an IRI names (`…/d/<id>`, `…compare?d=<id>`), if any. */
export function documentIdFromIri(iri: string | null): string | null {
  if (!iri) return null;
  const m = /\/d\/([A-Za-z0-9_-]{1,64})(?:[/?#]|$)/.exec(iri) ?? /[?&]d(?:ocs)?=([A-Za-z0-9_-]{1,64})(?:[,&#]|$)/.exec(iri);
  return m ? m[1]! : null;
}
