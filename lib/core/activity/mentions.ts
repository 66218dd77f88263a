/**
 * Mentions in plain text (replies are plain text, not Tiptap): `@` followed by a member's
 * display name, as the reply box's picker inserts it. Longest names are tried first, so "@Aiko
 * Tanaka" is Aiko Tanaka and not a member called "Aiko". The character after the name must not
 * continue a word, so "@Ann" does not match in "@Anna".
 */
export interface MentionCandidate {
  id: string;
  name: string;
}

const WORD = /[\p{L}\p{N}_]/u;

/** The ids of the candidates mentioned in `text`, each once, in order of first mention. */
export function findMentions(text: string, candidates: readonly MentionCandidate[], max = 50): string[] {
  if (!text.includes("@")) return [];
  const byLength = [...candidates].filter((c) => c.name.length > 0).sort((a, b) => b.name.length - a.name.length);
  const found: string[] = [];
  for (let i = text.indexOf("@"); i >= 0 && found.length < max; i = text.indexOf("@", i + 1)) {
    // An "@" inside a word (an e-mail address) is not a mention.
    if (i > 0 && WORD.test(text[i - 1]!)) continue;
    const rest = text.slice(i + 1);
    const hit = byLength.find((c) => rest.startsWith(c.name) && !WORD.test(rest.charAt(c.name.length)));
    if (hit && !found.includes(hit.id)) found.push(hit.id);
  }
  return found;
}
