/**
 * Sections of a document by heading, from the blocks of its version: a heading's section runs
 * from the heading to the next heading of the same or a higher level (or the end of the text).
 * What an assignment "review section X" means, and what its progress counts.
 */
export interface SectionBlock {
  kind: string;
  start: number;
  end: number;
  level?: number | undefined;
}

export interface Section {
  title: string;
  level: number;
  start: number;
  end: number;
}

/** Headings as sections, in text order; titles cut to 200 characters. */
export function listSections(text: string, blocks: readonly SectionBlock[]): Section[] {
  const headings = blocks.filter((b) => b.kind === "heading" && b.end > b.start && b.end <= text.length);
  return headings.map((h, i) => {
    const level = h.level ?? 1;
    const next = headings.slice(i + 1).find((n) => (n.level ?? 1) <= level);
    return { title: text.slice(h.start, h.end).replace(/\s+/g, " ").trim().slice(0, 200), level, start: h.start, end: next ? next.start : text.length };
  });
}

/** True when [start, end) overlaps the section (an annotation begun just before it still counts). */
export function inSection(section: { start: number; end: number }, start: number, end: number): boolean {
  return start < section.end && end > section.start;
}
