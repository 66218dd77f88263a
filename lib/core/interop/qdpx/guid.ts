/**
 * REFI-QDA identifies every object by a GUID (`8-4-4-4-12` hex, optionally in braces). Synoptic's
 * entry ids are UUIDs already when the app or the server made them (crypto.randomUUID) and kept
 * as they are; other ids (cuids of database rows, test ids) get a GUID derived from the id by a
 * stable 128-bit hash, so exporting twice gives the same GUIDs and links between exports hold.
 * Not cryptographic: collisions only matter within one project, where 2^-100 is no concern.
 */

const UUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** The GUID in its canonical form (lowercase, no braces), or null when `s` is none. */
export function parseGuid(s: string | undefined | null): string | null {
  const m = UUID.exec((s ?? "").trim());
  return m ? m[1]!.toLowerCase() : null;
}

/** cyrb128: four 32-bit lanes mixed over the string's code units. */
function hash128(s: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

const hex = (n: number) => n.toString(16).padStart(8, "0");

/** The GUID of a Synoptic id: the id itself when it is a UUID, else one derived from it. */
export function guidOf(id: string, salt = ""): string {
  if (!salt) {
    const own = parseGuid(id);
    if (own) return own;
  }
  const [a, b, c, d] = hash128(`${salt}\u0000${id}`);
  const s = hex(a) + hex(b) + hex(c) + hex(d);
  // Version 8 (custom) and the RFC 4122 variant, so it reads as a well-formed UUID.
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-8${s.slice(13, 16)}-${((parseInt(s.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${s.slice(17, 20)}-${s.slice(20, 32)}`;
}
