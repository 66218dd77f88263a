/**
 * Rejoins paragraphs that the page layout cut in two. A paragraph (or list item) that
 * ends mid-sentence continues in the next plain paragraph, past anything the layout put
 * in between — footnote bodies, captions, acronym expansions, a page boundary. Those
 * interrupters move after the rejoined paragraph, so blocks stay in reading order.
 */
import { CANNOT_START_SENTENCE, endsSentence } from "./block-markers";
import { lastLine, type Unit } from "./unit";

const INTERRUPTERS = new Set<Unit["kind"]>(["footnote", "caption", "note"]);

// A footnote's URL on a line of its own, after a blank line: "(<https://…>)".
const URL_ONLY = /^[(（<[]*(https?:\/\/|www\.)\S+$/;

/**
 * Units in reading order after rejoining; the input array is not modified (units are).
 * `wrapped`: the text is hard-wrapped, so list items too can run on across a page.
 */
export function stitchUnits(input: readonly Unit[], wrapped: boolean): Unit[] {
  const units = absorbFootnoteUrls(input);
  const out: Unit[] = [];
  let lastFootnote: Unit | null = null;
  let i = 0;
  while (i < units.length) {
    const unit = units[i++];
    if (!unit) continue;
    demoteCutHeading(unit, units[i]);
    // Unwrapped lists are one item per line, ending without a full stop by style.
    if (unit.kind === "paragraph" || (unit.kind === "list_item" && wrapped)) {
      i = extend(unit, units, i, () => lastFootnote);
    }
    for (const u of [unit, ...(unit.moved ?? [])]) {
      out.push(u);
      if (u.kind === "footnote") lastFootnote = u;
    }
  }
  return out;
}

function absorbFootnoteUrls(units: readonly Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const prev = out[out.length - 1];
    if (prev?.kind === "footnote" && unit.kind !== "footnote" && unit.lines.length === 1 && URL_ONLY.test(unit.lines[0]?.text ?? "")) {
      prev.lines.push(...unit.lines);
    } else out.push(unit);
  }
  return out;
}

// A short unpunctuated line looks like a heading, but when the next paragraph starts
// with a particle ("を搭載することは…") it was the first half of a cut sentence.
function demoteCutHeading(unit: Unit, next: Unit | undefined): void {
  if (unit.kind !== "heading" || unit.family !== "plain" || next?.kind !== "paragraph") return;
  if (!CANNOT_START_SENTENCE.test(next.lines[0]?.text ?? "")) return;
  unit.kind = "paragraph";
  delete unit.family;
}

// Extends `unit` while it ends mid-sentence; returns the index of the next unread unit.
function extend(unit: Unit, units: readonly Unit[], next: number, openFootnote: () => Unit | null): number {
  let i = next;
  while (!endsSentence(lastLine(unit).text)) {
    let j = i;
    while (j < units.length && INTERRUPTERS.has(units[j]?.kind ?? "heading")) j++;
    const candidate = units[j];
    if (!candidate || candidate.kind !== "paragraph") break;
    const skipped = units.slice(i, j);
    // A figure or list the sentence leads into ("…示すと、[figure]である。") is not a cut.
    if (skipped.some((u) => u.kind === "caption") && /[、，：:]$/.test(lastLine(unit).text)) break;
    const footnoteTail = footnoteContinuation(units, j, openFootnote());
    if (footnoteTail > 0) {
      // Paragraph-looking text right before more footnote bodies is the rest of a footnote
      // cut at the previous page end: it goes back to that footnote.
      const footnote = openFootnote();
      for (const u of units.slice(j, j + footnoteTail)) footnote?.lines.push(...u.lines);
      i = j + footnoteTail;
      continue;
    }
    if (candidate.indented) break;
    unit.lines.push(...candidate.lines);
    unit.moved = [...(unit.moved ?? []), ...skipped, ...(candidate.moved ?? [])];
    i = j + 1;
  }
  return i;
}

// How many paragraphs from `at` continue an unfinished footnote: only when they are
// directly followed by further footnote bodies (the footnote area of the next page).
// The footnote must itself stop mid-word (kana or a comma at the end): a citation that
// ends in "…230－231 頁" is complete, however unpunctuated.
function footnoteContinuation(units: readonly Unit[], at: number, open: Unit | null): number {
  if (!open || !/[\u3041-\u30ff、，]$/.test(lastLine(open).text)) return 0;
  for (let k = at; k < units.length && k < at + 3; k++) {
    const kind = units[k]?.kind;
    if (kind === "footnote") return k - at;
    if (kind !== "paragraph") return 0;
  }
  return 0;
}
