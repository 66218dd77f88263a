import type { Block } from "../text/types";
import { plainTextOf } from "./segment-block";

export interface OutlineNode {
  /** Index of the heading in the version's blocks. */
  block: number;
  /** The heading's level as imported (1 = top); missing levels count as 1. */
  level: number;
  /** The heading text without footnote markers. */
  title: string;
  children: OutlineNode[];
}

/**
 * The table of contents of a version: its headings nested by level. Heading levels
 * from import are approximate and may skip (2 → 4) or start deep (a paper whose
 * first heading is level 3), so a heading becomes the child of the nearest earlier
 * heading with a smaller level, and a root otherwise; nothing is dropped or reordered.
 */
export function buildOutline(text: string, blocks: readonly Block[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  blocks.forEach((b, i) => {
    if (b.kind !== "heading") return;
    const node: OutlineNode = { block: i, level: b.level ?? 1, title: outlineTitle(plainTextOf(text, b)), children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.level >= node.level) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  });
  return roots;
}

// A heading whose first characters were lost in extraction (U+FFFD, a stray combining
// circle) is listed by what survives: "⃝�米国の宣言的政策" → "米国の宣言的政策".
function outlineTitle(title: string): string {
  return title.replace(/^(?:\ufffd|\u20dd|\s)+/, "") || title;
}

/** HTML heading rank for an imported heading level: the page title is h1, so level 1 → h2, capped at h6. */
export function headingRank(level: number | undefined): 2 | 3 | 4 | 5 | 6 {
  return Math.min(Math.max((level ?? 1) + 1, 2), 6) as 2 | 3 | 4 | 5 | 6;
}
