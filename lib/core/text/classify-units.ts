/**
 * Gives each unit its block kind, label and heading family, reading the units in
 * order so that context counts: a "2 …" line is a footnote body only once a ² marker
 * has been seen, the two units after "KEY WORD" are the glossary entry, and what
 * follows a profile heading is front/back matter, not body text.
 */
import type { Layout } from "./analyse-layout";
import {
  FOOTNOTE_DIGIT_START,
  FOOTNOTE_SUPERSCRIPT_START,
  PROFILE_HEADING,
  SUPERSCRIPT_RUN,
  endsLikeHeadingPredicate,
  endsSentence,
  isHeadingShaped,
  matchCircledNumber,
  matchHeadingMarker,
  matchListMarker,
  superscriptToDigits,
  toAsciiDigits,
} from "./block-markers";
import { unitText, type Unit } from "./unit";

interface Context {
  refsSeen: Set<string>;
  glossaryLeft: number;
  profile: boolean;
  /** Inside an endnotes section ("注", "Notes"): numbered entries are footnote bodies. */
  endnotes: boolean;
}

const ENDNOTES_HEADING = /^(?:注|注記|脚注|後注|Notes?|End ?notes|NOTES|ENDNOTES)$/;
const ENDNOTE_ENTRY = /^(\d{1,3})(?:[.．)）]|(?=[\s\u3000]))[\s\u3000]*\S/;

/** Sets `kind`, `label`, `level` and `family` on every unit, in place. */
export function classifyUnits(units: readonly Unit[], layout: Layout, markdown: boolean): void {
  const ctx: Context = { refsSeen: new Set(), glossaryLeft: 0, profile: false, endnotes: false };
  units.forEach((unit, index) => {
    const entry = ctx.endnotes ? ENDNOTE_ENTRY.exec(unit.lines[0]?.text ?? "") : null;
    if (entry?.[1] !== undefined && unit.hint !== "heading") set(unit, "footnote", entry[1]);
    else classifyUnit(unit, index, layout, markdown, ctx, units[index + 1]);
    if (unit.kind === "heading") {
      const title = unitText(unit).replace(/^#{1,6}[ \t]+/, "").trim();
      ctx.profile = PROFILE_HEADING.test(title);
      ctx.endnotes = ENDNOTES_HEADING.test(title);
    }
    if (unit.kind !== "footnote") {
      for (const m of unitText(unit).matchAll(SUPERSCRIPT_RUN)) ctx.refsSeen.add(superscriptToDigits(m[0]));
    }
  });
}

function classifyUnit(unit: Unit, index: number, layout: Layout, markdown: boolean, ctx: Context, next: Unit | undefined): void {
  const text = unitText(unit);
  const first = unit.lines[0]?.text ?? "";
  switch (unit.hint) {
    case "footnote": {
      const m = FOOTNOTE_SUPERSCRIPT_START.exec(first) ?? FOOTNOTE_DIGIT_START.exec(first);
      set(unit, "footnote", m?.[1] === undefined ? undefined : superscriptToDigits(m[1]));
      return;
    }
    case "glossary":
      set(unit, "glossary");
      ctx.glossaryLeft = 2;
      return;
    case "caption":
      return set(unit, "caption");
    case "acronym":
    case "note":
      return set(unit, "note");
    case "circled": {
      const label = matchCircledNumber(first) ?? undefined;
      // 「①…すべきである」 without a full stop is a recommendation title; with sentences, an item.
      // …and an entry followed by bullets ("① 指針の目的" + "- ・…") heads a nested list.
      const titleLike =
        next?.hint !== "list" &&
        !endsSentence(text) &&
        !/[。．]/.test(text) &&
        unit.lines.length <= 3 &&
        (endsLikeHeadingPredicate(text) || (unit.lines.length === 1 && isHeadingShaped(text, true)));
      if (titleLike) set(unit, "heading", label, "circled");
      else set(unit, "list_item", label, undefined, 1);
      return;
    }
    case "heading": {
      const marker = matchHeadingMarker(first, markdown);
      if (marker?.family === "markdown") {
        set(unit, "heading", undefined, "markdown", marker.level);
        const hashes = /^#{1,6}[ \t]+/.exec(first)?.[0].length ?? 0;
        unit.dropPrefixEnd = (unit.lines[0]?.contentStart ?? 0) + hashes;
      } else set(unit, "heading", marker?.label, marker?.family);
      return;
    }
    case "list": {
      const marker = matchListMarker(first);
      const nested = unit.lines[0]?.indent === "space" || unit.lines[0]?.indent === "tab";
      set(unit, "list_item", marker?.label, undefined, marker?.level ?? (nested ? 2 : 1));
      return;
    }
    case "paragraph":
      classifyPlain(unit, index, text, layout, ctx);
  }
}

function classifyPlain(unit: Unit, index: number, text: string, layout: Layout, ctx: Context): void {
  const digit = FOOTNOTE_DIGIT_START.exec(text)?.[1];
  if (digit !== undefined && ctx.refsSeen.has(toAsciiDigits(digit)) && !isHeadingShaped(text, true)) {
    return set(unit, "footnote", toAsciiDigits(digit));
  }
  if (ctx.glossaryLeft > 0) {
    ctx.glossaryLeft--;
    return set(unit, "glossary");
  }
  if (ctx.profile) return set(unit, "note");
  const maxHeadingWidth = layout.wrapped ? layout.fullWidth * 1.05 : 90;
  const width = unit.lines.reduce((w, l) => w + l.width, 0);
  // A short unpunctuated line alone below a figure gap (two or more blank lines) is its caption.
  if (!layout.interleaved && index > 0 && !unit.pageBreakBefore && unit.gapBefore >= 2 && unit.lines.length === 1 && !/[。．]/.test(text)) {
    return set(unit, "caption");
  }
  // An indented line starts a paragraph unless it is clearly short (a centred title).
  const indentOk = !unit.indented || index === 0 || width < layout.shortWidth * 0.6;
  if (unit.lines.length <= 2 && width <= maxHeadingWidth && isHeadingShaped(text, false) && indentOk) {
    return set(unit, "heading", undefined, "plain");
  }
  set(unit, "paragraph");
}

function set(unit: Unit, kind: Unit["kind"], label?: string, family?: string, level?: number): void {
  unit.kind = kind;
  if (label !== undefined) unit.label = label;
  if (family !== undefined) unit.family = family;
  if (level !== undefined) unit.level = level;
}
