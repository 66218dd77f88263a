/**
 * What the reader offers the page around it for moving about a text that may not be rendered
 * yet (a virtualised reader renders only the rows near its viewport): the compare view's pane
 * handle, the outline, footnote jumps and the URL position go through it.
 */
export interface ReaderNav {
  /** Whether only rows near the viewport are rendered. */
  virtual: boolean;
  /** Scrolls canonical offset `at` into view; resolves once its text element is rendered. */
  reveal(at: number): Promise<HTMLElement | null>;
  /** Same for a block's first text element (outline entries, footnotes). */
  revealBlock(block: number): Promise<HTMLElement | null>;
  /** The estimated place (client px) of the row holding `at`, rendered or not: where a connector ends. */
  rowRect(at: number): DOMRect | null;
}

/** Two frames: the virtualiser renders the new range, then the browser lays it out. */
export const afterRender = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
