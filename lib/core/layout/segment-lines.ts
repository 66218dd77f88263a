/**
 * Where body paragraphs start, from geometry: a larger vertical gap, an indent, a
 * change of font size, or a previous line that stopped short of the right margin
 * (the next line's first word would have fitted). At a page or column break the text
 * continues when the last line ran to the margin and the next line is not indented.
 */
import { isWideAt } from "../text/east-asian-width";
import type { LayoutLine } from "./types";

interface Frame {
  left: number;
  right: number;
}

const groupKey = (l: LayoutLine): string => `${l.page}/${l.column}/${l.frame}`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function frames(lines: readonly LayoutLine[], bodySize: number): Map<string, Frame> {
  const groups = new Map<string, LayoutLine[]>();
  for (const l of lines) if (Math.abs(l.size - bodySize) < bodySize * 0.1) groups.set(groupKey(l), [...(groups.get(groupKey(l)) ?? []), l]);
  const out = new Map<string, Frame>();
  const fallback: Frame[] = [];
  for (const [k, g] of groups) {
    if (g.length < 3) continue;
    // The right margin of most lines: a line whose punctuation hangs past it must not make full lines look short.
    const rights = g.map((l) => l.u1).sort((a, b) => a - b);
    const f = { left: Math.min(...g.map((l) => l.u0)), right: rights[Math.floor(rights.length * 0.75)] ?? 0 };
    out.set(k, f);
    fallback.push(f);
  }
  const doc = { left: median(fallback.map((f) => f.left)), right: median(fallback.map((f) => f.right)) };
  for (const l of lines) if (!out.has(groupKey(l))) out.set(groupKey(l), fallback.length > 0 ? doc : { left: l.u0, right: l.u1 });
  return out;
}

// Width the next line's first word would need at the end of `prev`.
function firstWordWidth(cur: LayoutLine): number {
  if (isWideAt(cur.text, 0)) return cur.size * (/^.[、。，．」』）)]/u.test(cur.text) ? 2 : 1);
  const word = /^\S+/.exec(cur.text)?.[0] ?? "";
  const perChar = (cur.u1 - cur.u0) / Math.max(1, cur.text.length);
  return word.length * perChar + cur.size * 0.25;
}

/** Per body line (in reading order across the document): does it start a block? */
export function segmentLines(lines: readonly LayoutLine[], bodySize: number): Map<LayoutLine, { start: boolean; heading: boolean }> {
  const fr = frames(lines, bodySize);
  const frameOf = (l: LayoutLine): Frame => fr.get(groupKey(l)) ?? { left: l.u0, right: l.u1 };
  const indented = (l: LayoutLine): boolean => l.u0 > frameOf(l).left + l.size * 0.5;
  const short = (prev: LayoutLine, cur: LayoutLine): boolean => frameOf(prev).right - prev.u1 > firstWordWidth(cur);
  const pitches: number[] = [];
  lines.forEach((l, k) => {
    const p = lines[k - 1];
    if (p && groupKey(p) === groupKey(l) && p.v > l.v && Math.abs(p.size - l.size) < 0.1 * l.size) pitches.push(p.v - l.v);
  });
  const pitch = median(pitches);
  const out = new Map<LayoutLine, { start: boolean; heading: boolean }>();
  lines.forEach((cur, k) => {
    const prev = lines[k - 1];
    const heading = cur.size >= bodySize * 1.15;
    let start: boolean;
    if (!prev || prev.frame !== cur.frame || Math.abs(prev.size - cur.size) > 0.1 * cur.size) start = true;
    else if (groupKey(prev) === groupKey(cur)) {
      const gap = prev.v - cur.v;
      if (heading) start = gap > Math.max(pitch, cur.size * 1.2) * 1.6;
      else start = gap > pitch * 1.45 || gap < 0 || indented(cur) || short(prev, cur);
    } else {
      // Past a break the gap above the line says nothing. A full last line continues; where
      // paragraphs start with an indent, a missing indent says so even after a full stop,
      // and where they start after a gap, a full line ending a sentence more often than not
      // ends only that sentence.
      start = short(prev, cur) || heading || indented(cur);
    }
    out.set(cur, { start, heading });
  });
  return out;
}
