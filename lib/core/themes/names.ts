/**
 * Theme names: what counts as "the same name". People type 拡大抑止, ＡＣＭ and acm from
 * different keyboards and IMEs; the workspace must not end up with three themes for one idea.
 * Names are compared by a key: NFKC (full-/half-width forms, compatibility characters), case
 * folded, whitespace collapsed. The name itself is stored as typed (NFC, trimmed).
 */
import { COLLAB_LIMITS } from "../collab/entries";

export type ThemeNameProblem = "theme_name_empty" | "theme_name_too_long" | "theme_name_taken";

/** The stored form of a name: NFC, inner whitespace runs collapsed to one space, trimmed. */
export function cleanThemeName(name: string): string {
  return name.normalize("NFC").replace(/[\s\u3000]+/gu, " ").trim();
}

/**
 * The comparison key: NFKC then case folding (toLowerCase after toUpperCase folds ß/ſ-like
 * pairs the same way in both directions), NFKC again because folding can produce
 * compatibility characters, whitespace collapsed.
 */
export function themeNameKey(name: string): string {
  const folded = name.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKC");
  return folded.replace(/\s+/gu, " ").trim();
}

/**
 * Why `name` cannot be the name of theme `selfId` among `existing` (live themes), or null.
 * Length is in UTF-16 code units, as the entry schema stores it.
 */
export function themeNameProblem(name: string, existing: readonly { id: string; name: string }[], selfId?: string): ThemeNameProblem | null {
  const clean = cleanThemeName(name);
  if (clean.length === 0) return "theme_name_empty";
  if (clean.length > COLLAB_LIMITS.themeNameMax) return "theme_name_too_long";
  const key = themeNameKey(clean);
  if (existing.some((t) => t.id !== selfId && themeNameKey(t.name) === key)) return "theme_name_taken";
  return null;
}

/** Groups of live themes whose names collide (two people created the same name at once). */
export function duplicateNameGroups<T extends { id: string; name: string }>(themes: readonly T[]): T[][] {
  const byKey = new Map<string, T[]>();
  for (const t of themes) {
    const key = themeNameKey(t.name);
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
  }
  return [...byKey.values()].filter((g) => g.length > 1);
}
