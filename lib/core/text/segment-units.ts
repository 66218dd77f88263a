/**
 * Groups lines into units (blocks in the making). This is where hard-wrapped
 * lines are told apart from paragraph starts: real blank lines (not the interleaved
 * ones of double-spaced extractions), indents, markers, and a short previous line that
 * ends a sentence. Footnote areas below a separator line are followed to their end.
 */
import type { Layout } from "./analyse-layout";
import {
  CAPTION_START,
  FOOTNOTE_DIGIT_START,
  FOOTNOTE_SUPERSCRIPT_START,
  GLOSSARY_TITLE,
  NOTE_START,
  endsLikeHeadingPredicate,
  endsSentence,
  endsWithStrongPredicate,
  isAcronymExpansion,
  isHeadingShaped,
  matchCircledNumber,
  matchHeadingMarker,
  matchListMarker,
  markerText,
} from "./block-markers";
import type { Line } from "./split-lines";
import type { Unit, UnitHint } from "./unit";

interface State {
  units: Unit[];
  cur: Unit | null;
  prev: Line | null;
  blanks: number;
  wsOnlyBlank: boolean;
  separatorSeen: boolean;
  furnitureSeen: boolean;
  zone: boolean;
}

/** Units of `lines` in source order. */
export function segmentUnits(lines: readonly Line[], layout: Layout, markdown: boolean): Unit[] {
  const st: State = { units: [], cur: null, prev: null, blanks: 0, wsOnlyBlank: false, separatorSeen: false, furnitureSeen: false, zone: false };
  for (const line of lines) {
    if (line.drop !== undefined) {
      // Blank lines around a header or page number belong to the page layout, not the text.
      st.furnitureSeen = true;
      st.blanks = 0;
      st.wsOnlyBlank = false;
      continue;
    }
    if (line.blank || line.separator) {
      if (line.separator) st.separatorSeen = true;
      else {
        st.blanks++;
        st.wsOnlyBlank ||= line.wsOnly;
      }
      continue;
    }
    addLine(st, line, layout, markdown);
    st.prev = line;
    st.blanks = 0;
    st.wsOnlyBlank = false;
    st.separatorSeen = false;
    st.furnitureSeen = false;
  }
  return st.units;
}

function addLine(st: State, line: Line, layout: Layout, markdown: boolean): void {
  const prev = st.prev;
  const realBreak = st.separatorSeen || (layout.interleaved ? st.wsOnlyBlank || st.blanks >= 2 : st.blanks >= 1);
  const pageBreak =
    prev !== null && !st.separatorSeen && (line.page !== prev.page || st.furnitureSeen || (layout.interleaved && st.blanks === 0));
  if (st.separatorSeen) st.zone = true;
  const footnoteStart = FOOTNOTE_SUPERSCRIPT_START.test(line.text) || (st.zone && FOOTNOTE_DIGIT_START.test(line.text));
  if (st.separatorSeen) {
    // The separator opened the zone above.
  } else if (st.zone && !footnoteStart && (pageBreak || (!layout.interleaved && realBreak))) st.zone = false;

  const cur = st.cur;
  let startNew: boolean;
  if (cur === null || st.separatorSeen) startNew = true;
  else if (st.zone) startNew = footnoteStart || cur.hint !== "footnote";
  else if (cur.inFootnoteZone) startNew = true;
  else startNew = realBreak || startsBlock(line, prev, cur, layout, markdown, pageBreak);

  if (!startNew && cur) {
    cur.lines.push(line);
    return;
  }
  const unit: Unit = {
    lines: [line],
    hint: st.zone && footnoteStart ? "footnote" : hintFor(line, layout, markdown),
    kind: "paragraph",
    page: line.page,
    gapBefore: st.blanks,
    pageBreakBefore: pageBreak,
    indented: isIndent(line, layout, pageBreak),
    inFootnoteZone: st.zone,
  };
  st.units.push(unit);
  st.cur = unit;
}

function isIndent(line: Line, layout: Layout, pageBreak: boolean): boolean {
  if (pageBreak || line.indent === "") return false;
  return layout.indentStyle === "any" || line.indent === "ideographic" || line.indent === "tab";
}

// Lines that are always a unit of their own: the next line starts afresh too.
function isOneLiner(hint: UnitHint): boolean {
  return hint === "acronym" || hint === "caption" || hint === "glossary";
}

/** What the line would start, judged by itself (also used for layout-segmented PDF lines). */
export function hintFor(line: Line, layout: Layout, markdown: boolean): UnitHint {
  const t = line.text;
  if (FOOTNOTE_SUPERSCRIPT_START.test(t)) return "footnote";
  if (GLOSSARY_TITLE.test(t)) return "glossary";
  if (CAPTION_START.test(t) && isHeadingShaped(t, true)) return "caption";
  if (layout.cjk && isAcronymExpansion(t)) return "acronym";
  if (NOTE_START.test(markerText(t))) return "note";
  if (matchCircledNumber(t)) return "circled";
  const heading = matchHeadingMarker(t, markdown);
  if (heading && (heading.family === "markdown" || isHeadingShaped(t, true))) return "heading";
  if (matchListMarker(t)) return "list";
  return "paragraph";
}

// Kana (or U+FFFD) at the end of a heading line means the heading goes on:
// "1 本件協議を開始するにあたっての" + "日本側の問題認識".
function headingContinues(prev: Line, line: Line, layout: Layout): boolean {
  return /[\u3041-\u30ff\ufffd]$/.test(prev.text) && line.width < layout.shortWidth && !/[。、]/.test(line.text);
}

function startsBlock(line: Line, prev: Line | null, cur: Unit, layout: Layout, markdown: boolean, pageBreak: boolean): boolean {
  if (!prev) return true;
  if (isOneLiner(cur.hint)) return true;
  const hint = hintFor(line, layout, markdown);
  if (hint !== "paragraph") return true;
  if (isIndent(line, layout, pageBreak)) return true;
  if (cur.hint === "footnote") return false;
  // One paragraph per line: a list item's wrapped tail has no marker and belongs to it.
  if (!layout.wrapped && (cur.hint === "list" || cur.hint === "circled")) return false;
  const prevShort = prev.width < layout.shortWidth;
  if (prevShort && endsSentence(prev.text)) return true;
  if (layout.trailingSpaceEndsBlock && prev.trailingSpace) return true;
  // Unwrapped text puts its headings between blank lines; a lone short line running on
  // is only a wrapped fragment there.
  const headingSoFar = cur.hint === "heading" || (layout.wrapped && cur.lines.length === 1 && isHeadingShaped(prev.text, false));
  if (headingSoFar && prevShort) return !headingContinues(prev, line, layout);
  if (cur.hint === "circled") return circledTitleEnds(cur, prev, layout);
  return false;
}

// A recommendation title 「①…すべきである」 ends at its predicate; an item that already
// holds a full stop is prose, and a weak ending ("…を") on a full line is just wrapping.
function circledTitleEnds(cur: Unit, prev: Line, layout: Layout): boolean {
  if (cur.lines.some((l) => /[。．]/.test(l.text)) || endsSentence(prev.text) || !endsLikeHeadingPredicate(prev.text)) return false;
  return endsWithStrongPredicate(prev.text) || prev.width < layout.fullWidth * 0.97;
}
