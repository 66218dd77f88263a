import type { AnnotationStore } from "./annotation-store";
import type { DocumentSession } from "./collab-session";
import type { HighlightPainter } from "./highlight-painter";
import type { LocalUndo } from "./local-undo";
import type { ComparePaneData } from "./types";

/** What the compare view needs of a mounted pane: its text, its DOM, its docs and its annotations. */
export interface PaneHandle {
  data: ComparePaneData;
  article: HTMLElement;
  scroller: HTMLElement;
  painter: HighlightPainter | null;
  /** Null while the collab server is unavailable. */
  docs: DocumentSession | null;
  store: AnnotationStore | null;
  undo: LocalUndo | null;
  /** Scrolls so that canonical offset `at` is near the top (or centred, for an annotation). */
  scrollTo(at: number, how: "top" | "center"): void;
  /** Canonical offset of the text at the top of the pane. */
  topOffset(): number;
}
