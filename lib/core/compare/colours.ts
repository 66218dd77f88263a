/**
 * Colours of the compare view: the highlight palette offered on the toolbar, and a presence
 * colour per user (stable across sessions, derived from the user id, so a person keeps their
 * colour on every screen without storing it anywhere).
 */
export const HIGHLIGHT_COLOURS = [
  { id: "yellow", hex: "#f5c518" },
  { id: "green", hex: "#3aa66a" },
  { id: "blue", hex: "#3b82d6" },
  { id: "pink", hex: "#e05a9c" },
  { id: "purple", hex: "#8b5cd6" },
] as const;
export type HighlightColourId = (typeof HIGHLIGHT_COLOURS)[number]["id"];
export const DEFAULT_COLOUR = HIGHLIGHT_COLOURS[0].hex;

/** Presence colours: dark enough for a caret and a name tag on white. */
const PRESENCE = ["#d9480f", "#2b8a3e", "#1971c2", "#c2255c", "#7048e8", "#0b7285", "#e67700", "#5c940d"];

export function presenceColour(userId: string): string {
  let h = 2166136261;
  for (let i = 0; i < userId.length; i++) h = Math.imul(h ^ userId.charCodeAt(i), 16777619);
  return PRESENCE[(h >>> 0) % PRESENCE.length]!;
}

/** Two letters for an avatar: the first letters of the first two words, or the first two characters. */
export function initials(name: string): string {
  const words = name.replace(/[()（）]/g, " ").trim().split(/\s+/).filter(Boolean);
  if (words.length >= 2) return (firstChar(words[0]!) + firstChar(words[1]!)).toUpperCase();
  return [...(words[0] ?? "?")].slice(0, 2).join("").toUpperCase();
}

const firstChar = (w: string) => [...w][0] ?? "";

/** `#rrggbb` → "r g b" for `rgb(… / alpha)` in CSS. */
export function rgbTriplet(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return "0 0 0";
  return [m[1], m[2], m[3]].map((x) => parseInt(x!, 16)).join(" ");
}
