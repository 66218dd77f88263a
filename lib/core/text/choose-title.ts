/**
 * Finds the document title among the headings of the front matter and turns the
 * other front-matter headings (series name, byline) into notes.
 */
import { unitText, type Unit } from "./unit";

// Headings that name a part of every paper, not this paper.
const GENERIC = /^(はじめに|序論|序|序文|結びに|おわりに|目次|要旨|概要|提言|解説|本文|Introduction|Contents|Summary|Abstract)$/i;
const NUMBERED_FAMILIES = new Set(["number", "paren", "letter", "circled", "chapter", "part", "decimal", "roman"]);

function bare(text: string): string {
  return text.replace(/[\s\u3000■□◆◇【】「」『』]/g, "");
}

/**
 * The title, or null when the text has none (it then usually lives in the PDF's
 * metadata or cover image). Marks the title heading level 1 and a following
 * "—subtitle" level 2, in place.
 */
export function chooseTitle(units: readonly Unit[]): string | null {
  const front: Unit[] = [];
  for (const u of units.slice(0, 12)) {
    if (u.kind === "paragraph" && unitText(u).length >= 60) break;
    if (u.kind === "list_item" || u.kind === "footnote") break;
    if (u.kind === "heading" && u.family !== undefined && NUMBERED_FAMILIES.has(u.family)) break;
    front.push(u);
  }
  const candidates = front.filter((u) => u.kind === "heading" && !GENERIC.test(bare(unitText(u))) && bare(unitText(u)).length > 0);
  const isSubtitle = (u: Unit | undefined): boolean => u !== undefined && /^[—―〜～\-–]/.test(unitText(u));
  const firstUnit = units[0];
  const sectionFirst = firstUnit?.kind === "heading" && (firstUnit.family === "section" || firstUnit.family === "chapter") ? firstUnit : undefined;
  const title =
    sectionFirst ??
    candidates.find((u) => /^[「『].*[」』]$/.test(unitText(u))) ??
    candidates.find((u) => isSubtitle(front[front.indexOf(u) + 1])) ??
    candidates.find((u) => !/^[■□◆◇]/.test(unitText(u)));
  if (!title) return null;
  title.level = 1;
  title.family = "title";
  const titleAt = front.indexOf(title);
  front.forEach((u, k) => {
    if (u === title || u.kind !== "heading" || u.family !== "plain" || GENERIC.test(bare(unitText(u)))) return;
    if (k === titleAt + 1 && isSubtitle(u)) {
      u.level = 2;
      u.family = "subtitle";
    } else if (titleAt >= 0 && front.length > titleAt + 1) u.kind = "note";
  });
  const text = title.lines
    .map((l) => l.text)
    .join(" ")
    .replace(/^#{1,6}[ \t]+/, "")
    .replace(/^[「『](.*)[」』]$/, "$1");
  return text.trim() || null;
}
