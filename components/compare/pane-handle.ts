import type { AnnotationStore, DocumentCommands, LocalUndo } from "@/lib/collab/client";
import type { HighlightPainter } from "@/lib/collab/client/dom";
import type { ComparePaneData } from "./types";

/** What the compare view needs of a mounted pane: its text, its DOM, its commands and its annotations. */
export interface PaneHandle {
  data: ComparePaneData;
  article: HTMLElement;
  scroller: HTMLElement;
  painter: HighlightPainter | null;
  /** Changes to the document's docs; null while the collab server is unavailable. */
  commands: DocumentCommands | null;
  store: AnnotationStore | null;
  undo: LocalUndo | null;
  /** Scrolls so that canonical offset `at` is near the top (or centred, for an annotation). */
  scrollTo(at: number, how: "top" | "center"): void;
  /** Where the row holding offset `at` is (client px), rendered or not: a far end off the rendered window. */
  rowRect(at: number): DOMRect | null;
  /** Canonical offset of the text at the top of the pane. */
  topOffset(): number;
}
