/**
 * Projection rows + the document version → an Excerpt with its citation. The caller prepares
 * one `VersionContext` per version (locator + code point index) and reuses it for every row.
 */
import { buildLocator, type Locator } from "./locate";
import { codePointIndex, type CodePointIndex } from "./code-points";
import type { Excerpt, ExcerptLink, ExcerptReply, ExcerptTheme } from "./types";
import { compareHref } from "../compare/href";

/** The Annotation projection row, as the export reads it. */
export interface AnnotationRow {
  id: string;
  documentId: string;
  versionId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  authorId: string;
  authorName: string;
  colour: string;
  status: string;
  noteText: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface DocumentInfo {
  id: string;
  title: string;
  authors: string | null;
  publishedOn: string | null;
}

export interface VersionContext {
  locator: Locator;
  codePoints: CodePointIndex;
}

/** Prepares a version once: the text is read here and may be dropped afterwards. */
export function versionContext(text: string, blocks: unknown): VersionContext {
  return { locator: buildLocator(text, blocks), codePoints: codePointIndex(text) };
}

/** The compare view opened on the passage (see lib/core/compare/href), absolute when a base URL is known. */
export function permalinkOf(baseUrl: string, workspaceSlug: string, documentId: string, annotationId: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${compareHref(workspaceSlug, [documentId], annotationId)}`;
}

export interface ExcerptExtras {
  themes?: ExcerptTheme[];
  replies?: ExcerptReply[];
  links?: ExcerptLink[];
}

export function buildExcerpt(
  row: AnnotationRow,
  doc: DocumentInfo,
  version: VersionContext,
  where: { baseUrl: string; workspaceSlug: string },
  extras: ExcerptExtras = {},
): Excerpt {
  const location = version.locator.locate(row.start);
  return {
    id: row.id,
    documentId: row.documentId,
    versionId: row.versionId,
    quote: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    startCodePoint: version.codePoints.toCodePoint(row.start),
    endCodePoint: version.codePoints.toCodePoint(row.end),
    note: row.noteText,
    status: row.status,
    colour: row.colour,
    author: { id: row.authorId, name: row.authorName },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    themes: extras.themes ?? [],
    replies: extras.replies ?? [],
    links: extras.links ?? [],
    citation: {
      title: doc.title,
      organisation: doc.authors,
      date: doc.publishedOn,
      headingPath: location.headingPath,
      page: location.page,
      paragraph: location.paragraph,
      permalink: permalinkOf(where.baseUrl, where.workspaceSlug, row.documentId, row.id),
    },
  };
}

/** One line of citation: title — organisation, date — headings — p. N — ¶ N. */
export function citationLine(c: Excerpt["citation"], labels: { page: string; paragraph: string }): string {
  const parts = [c.title];
  const source = [c.organisation, c.date].filter(Boolean).join(", ");
  if (source) parts.push(source);
  if (c.headingPath.length) parts.push(c.headingPath.join(" › "));
  if (c.page !== null) parts.push(`${labels.page} ${c.page}`);
  if (c.paragraph !== null) parts.push(`${labels.paragraph} ${c.paragraph}`);
  return parts.join(" — ");
}
