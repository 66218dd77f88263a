/**
 * Heading levels from numbering families. Papers do not declare their outline, so
 * the level is a hint: families rank in a fixed order (chapter above section above
 * "1" above "（1）" …), compressed to the families a paper actually uses.
 */
import type { Unit } from "./unit";

const FAMILY_ORDER = ["chapter", "section", "part", "letter", "number", "paren", "bracket", "circled", "ring"];

/** Sets `level` on every heading unit that has none yet, in place. */
export function assignHeadingLevels(units: readonly Unit[]): void {
  const present = new Set(units.filter((u) => u.kind === "heading").map((u) => u.family ?? "plain"));
  const ranked = FAMILY_ORDER.filter((f) => present.has(f));
  for (const u of units) {
    if (u.kind !== "heading" || u.level !== undefined) continue;
    if (u.family === "roman" || u.family === "decimal") {
      // "2.3" is one level below "2."; Roman part numbers sit above both.
      const depth = u.family === "roman" ? 1 : (u.label ?? "").replace(/\.$/, "").split(".").length;
      u.level = depth + 1 + (u.family === "decimal" && present.has("roman") ? 1 : 0);
      continue;
    }
    const rank = ranked.indexOf(u.family ?? "plain");
    // Unnumbered headings ("はじめに", "北朝鮮") and decorated ones sit just below the title.
    u.level = rank < 0 ? 2 : rank + 2;
  }
}
