/**
 * Turning a reader selection (already mapped to canonical offsets) into the range an
 * annotation may anchor to, or a reason it cannot. Pure: the component maps the DOM and
 * shows the message named by the reason.
 */
import { wholeCharacters } from "../anchoring/anchor-quote";

export const SELECTION_LIMITS = {
  /** Longer quotes are refused with a message: an annotation is about a passage, not a chapter. */
  maxChars: 5_000,
} as const;

export type SelectionProblem = "empty" | "whitespace_only" | "too_long" | "across_panes" | "outside_text";

export type SelectionResult = { ok: true; start: number; end: number } | { ok: false; problem: SelectionProblem; length?: number };

const SPACE = /[\s\u3000\u200b\ufeff]/;

/**
 * Trims whitespace at both ends (a drag usually catches a trailing space or the break between
 * blocks) without cutting a surrogate pair, then checks emptiness and length.
 */
export function checkSelection(text: string, start: number, end: number, limits = SELECTION_LIMITS): SelectionResult {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  if (e <= s) return { ok: false, problem: "empty" };
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  if (e <= s) return { ok: false, problem: "whitespace_only" };
  // Never split a surrogate pair (𠮷): widen to the whole character.
  ({ start: s, end: e } = wholeCharacters(text, s, e));
  if (e - s > limits.maxChars) return { ok: false, problem: "too_long", length: e - s };
  return { ok: true, start: s, end: e };
}

