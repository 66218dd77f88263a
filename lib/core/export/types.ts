/**
 * The excerpt model: what every export format renders. Built from projection rows and the
 * document version (lib/core/export/build-excerpt.ts); plain data, dates as ISO strings.
 */

/** A citation a reader can check: where the passage is and a link that opens it in Synoptic. */
export interface Citation {
  title: string;
  /** The organisation or authors, as the document states them. */
  organisation: string | null;
  /** Publication date as the document states it ("2025-03"). */
  date: string | null;
  /** Section headings from the outermost down to the one the passage is under. */
  headingPath: string[];
  page: number | null;
  /** 1-based number of the paragraph (paragraphs and list items) the passage starts in. */
  paragraph: number | null;
  /** Absolute (or root-relative without a base URL) link to the passage in the compare view. */
  permalink: string;
}

export interface ExcerptTheme {
  id: string;
  name: string;
  colour: string;
}

export interface ExcerptReply {
  id: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface ExcerptLink {
  id: string;
  kind: string;
  label: string;
  /** "out": this excerpt → other; "in": other → this excerpt. */
  direction: "out" | "in";
  otherId: string;
  otherKind: "annotation" | "node";
  /** The other end's quote (shortened) or node label, when known. */
  otherText: string | null;
}

export interface Excerpt {
  id: string;
  documentId: string;
  versionId: string;
  quote: string;
  prefix: string;
  suffix: string;
  /** UTF-16 code units into the version text (the app's unit). */
  start: number;
  end: number;
  /** Unicode code points into the version text (the W3C export's unit). */
  startCodePoint: number;
  endCodePoint: number;
  note: string;
  status: string;
  colour: string;
  author: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  themes: ExcerptTheme[];
  replies: ExcerptReply[];
  links: ExcerptLink[];
  citation: Citation;
}

/** A heading of the export: a document, a theme, a map node, or everything. */
export interface ExportGroup {
  kind: "document" | "theme" | "node" | "none";
  /** The id of the document/theme/node; null for "no theme", "not on the map" and "none". */
  id: string | null;
  title: string;
  /** Secondary line: a document's organisation and date, a theme's description. */
  subtitle: string | null;
}

/** What a whole export is about. */
export interface ExportMeta {
  workspaceName: string;
  workspaceSlug: string;
  /** ISO timestamp of the export (passed in: the core does not read the clock). */
  generatedAt: string;
  /** Base URL for absolute links and IRIs ("https://synoptic.example"); "" for root-relative. */
  baseUrl: string;
  /** Labels in the reader's language (headings, column names), with sensible defaults. */
  labels?: Partial<ExportLabels>;
  /** BCP 47 language of the reader ("ja", "en"): dates are written as they read them. */
  locale?: string;
  /** IANA time zone of the reader ("Asia/Tokyo"); UTC when unset. */
  timeZone?: string;
}

export interface ExportLabels {
  title: string;
  generated: string;
  note: string;
  replies: string;
  links: string;
  page: string;
  paragraph: string;
  empty: string;
  noTheme: string;
  notOnMap: string;
  all: string;
  /** Link relation keys ("supports") → their names in the reader's language. */
  relations: Record<string, string>;
}

export const DEFAULT_LABELS: ExportLabels = {
  title: "Annotated excerpts",
  generated: "Generated",
  note: "Note",
  replies: "Replies",
  links: "Links",
  page: "p.",
  paragraph: "¶",
  empty: "No excerpts match these filters.",
  noTheme: "No theme",
  notOnMap: "Not on the argument map",
  all: "All excerpts",
  relations: { supports: "supports", opposes: "opposes", elaborates: "elaborates", same_claim: "same claim", responds_to: "responds to", cites: "cites" },
};

export function labelsOf(meta: ExportMeta): ExportLabels {
  return { ...DEFAULT_LABELS, ...meta.labels };
}

/**
 * A streaming renderer: each call returns the next chunk of the output, so a 50,000-excerpt
 * export never holds more than one batch in memory. Call order: begin, then for each group
 * `group` followed by its excerpts, then end.
 */
export interface ExportWriter {
  readonly contentType: string;
  readonly extension: string;
  /** Flat formats (CSV, JSON-LD) list each excerpt once and ignore group headings. */
  readonly flat: boolean;
  begin(meta: ExportMeta): string;
  group(group: ExportGroup): string;
  excerpt(excerpt: Excerpt): string;
  end(summary: { count: number }): string;
}
