/**
 * Where a passage is in its document: the path of section headings, the page, the paragraph
 * number. Built once per version from its blocks (lib/core/text block model) so that thousands
 * of excerpts are located by binary search, without keeping the version text.
 */

/** The block fields a locator needs (DocumentVersion.blocks entries). */
export interface LocatorBlock {
  kind: string;
  start: number;
  end: number;
  level?: number;
  page?: number;
  label?: string;
}

export interface Location {
  headingPath: string[];
  page: number | null;
  paragraph: number | null;
}

export interface Locator {
  locate(offset: number): Location;
}

const PARAGRAPH_KINDS = new Set(["paragraph", "list_item"]);
const HEADING_MAX = 120;

interface Entry {
  start: number;
  end: number;
  headingPath: string[];
  page: number | null;
  paragraph: number | null;
}

/** A locator for one version; `text` is only read here, to take the heading titles. */
export function buildLocator(text: string, rawBlocks: unknown): Locator {
  const blocks = sanitise(rawBlocks, text.length);
  const entries: Entry[] = [];
  const stack: { level: number; title: string }[] = [];
  let paragraph = 0;
  let lastPage: number | null = null;
  for (const b of blocks) {
    if (typeof b.page === "number") lastPage = b.page;
    if (b.kind === "heading") {
      const level = b.level ?? 1;
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push({ level, title: headingTitle(text.slice(b.start, b.end)) });
    }
    if (PARAGRAPH_KINDS.has(b.kind)) paragraph += 1;
    entries.push({
      start: b.start,
      end: b.end,
      headingPath: stack.map((h) => h.title),
      page: lastPage,
      paragraph: PARAGRAPH_KINDS.has(b.kind) ? paragraph : null,
    });
  }
  return {
    locate(offset) {
      // The last block starting at or before the offset.
      let lo = 0;
      let hi = entries.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (entries[mid]!.start <= offset) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const e = found >= 0 ? entries[found]! : null;
      if (!e) return { headingPath: [], page: null, paragraph: null };
      return { headingPath: e.headingPath, page: e.page, paragraph: e.paragraph };
    },
  };
}

function headingTitle(s: string): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > HEADING_MAX ? `${t.slice(0, HEADING_MAX - 1)}…` : t;
}

/** Keeps well-formed blocks inside the text, sorted by start (stored JSON is not trusted). */
function sanitise(raw: unknown, length: number): LocatorBlock[] {
  if (!Array.isArray(raw)) return [];
  const out: LocatorBlock[] = [];
  for (const b of raw as Record<string, unknown>[]) {
    if (!b || typeof b !== "object") continue;
    const { kind, start, end, level, page, label } = b;
    if (typeof kind !== "string" || !Number.isInteger(start) || !Number.isInteger(end)) continue;
    if ((start as number) < 0 || (end as number) > length || (end as number) < (start as number)) continue;
    out.push({
      kind,
      start: start as number,
      end: end as number,
      ...(Number.isInteger(level) ? { level: level as number } : {}),
      ...(Number.isInteger(page) ? { page: page as number } : {}),
      ...(typeof label === "string" ? { label } : {}),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
