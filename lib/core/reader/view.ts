/**
 * Plain view types of the reader: what the server hands to the client for one
 * document version. No Prisma rows, no Dates (ISO strings), nothing but JSON.
 */
import type { Block } from "../text/types";

export interface DocumentMetaView {
  id: string;
  title: string;
  authors: string | null;
  publishedOn: string | null;
  sourceUrl: string | null;
  /** BCP-47-ish language of the text ("ja"), used as the `lang` of the rendered text. */
  language: string | null;
  notes: string | null;
}

export interface VersionSummary {
  number: number;
  /** ISO 8601. */
  createdAt: string;
  charCount: number;
}

export interface VersionView extends VersionSummary {
  /** The canonical text; block and footnote offsets are UTF-16 code units into it. */
  text: string;
  blocks: Block[];
  sourceName: string | null;
  sourceType: string | null;
  warnings: string[];
}

export interface DocumentView {
  document: DocumentMetaView;
  version: VersionView;
  /** Every version of the document, oldest first. */
  versions: VersionSummary[];
}
