/**
 * Theme colours: twelve hues that stay distinguishable as highlights on white and as chips,
 * chosen in turn so that a new theme rarely repeats a colour already in use.
 */
export const THEME_COLOURS = ["#d1495b", "#2e86ab", "#edae49", "#3b8b5a", "#8e5ea2", "#e07a5f", "#00798c", "#c17c74", "#6a994e", "#b5838d", "#5c6bc0", "#9c6644"] as const;

/** The first palette colour no theme uses yet, else the least used one. */
export function nextThemeColour(used: readonly string[]): string {
  const counts = new Map<string, number>(THEME_COLOURS.map((c) => [c, 0]));
  for (const c of used) {
    const k = c.toLowerCase();
    if (counts.has(k)) counts.set(k, counts.get(k)! + 1);
  }
  let best: string = THEME_COLOURS[0];
  for (const c of THEME_COLOURS) if (counts.get(c)! < counts.get(best)!) best = c;
  return best;
}
