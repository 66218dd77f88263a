/**
 * Where an annotation's anchor lands in the version a pane shows. An anchor names the version
 * it was made on; when that is the pane's version its offsets are checked against the quote,
 * otherwise the quote is looked for (exact match, the occurrence whose context agrees best,
 * nearest to the old offset on a tie). Anything that cannot be placed with confidence is an
 * orphan: shown in the list, never painted somewhere wrong.
 */
import { checkAnchor, type TextAnchor } from "../collab/anchor";

export type Placement =
  | { status: "exact"; start: number; end: number }
  | { status: "moved"; start: number; end: number }
  | { status: "orphan"; reason: "other_version" | "quote_mismatch" };

/** Searching is bounded: a quote found this often without agreeing context is ambiguous. */
const MAX_CANDIDATES = 200;

export function placeAnchor(text: string, currentVersionId: string, anchor: TextAnchor): Placement {
  if (anchor.versionId === currentVersionId) {
    return checkAnchor(text, anchor) === null ? { status: "exact", start: anchor.start, end: anchor.end } : { status: "orphan", reason: "quote_mismatch" };
  }
  if (text.slice(anchor.start, anchor.end) === anchor.exact && contextScore(text, anchor, anchor.start) > 0) {
    return { status: "moved", start: anchor.start, end: anchor.end };
  }
  let best: { at: number; score: number } | null = null;
  let from = 0;
  for (let n = 0; n < MAX_CANDIDATES; n++) {
    const at = text.indexOf(anchor.exact, from);
    if (at < 0) break;
    const score = contextScore(text, anchor, at) - Math.abs(at - anchor.start) / (text.length + 1);
    if (!best || score > best.score) best = { at, score };
    from = at + 1;
  }
  // Without context agreement only a quote unique in the text counts.
  const unique = best && text.indexOf(anchor.exact, best.at + 1) < 0 && text.indexOf(anchor.exact) === best.at;
  if (best && (best.score > 0 || unique)) return { status: "moved", start: best.at, end: best.at + anchor.exact.length };
  return { status: "orphan", reason: "other_version" };
}

/** Characters of prefix (from its end) and suffix (from its start) that agree with the text at `at`. */
function contextScore(text: string, anchor: TextAnchor, at: number): number {
  let score = 0;
  for (let i = 1; i <= anchor.prefix.length && text[at - i] === anchor.prefix[anchor.prefix.length - i]; i++) score++;
  const end = at + anchor.exact.length;
  for (let i = 0; i < anchor.suffix.length && text[end + i] === anchor.suffix[i]; i++) score++;
  return score;
}
