/**
 * Codes → themes: a code whose name a theme of the workspace already has is that theme (so a
 * codebook merges into an existing tree); the others become new themes under their mapped
 * parent, as nested as the project gives them. Parents come before children in the operations.
 */
import type { DirectOperation } from "../../../core/collab";
import { COLLAB_LIMITS } from "../../../core/collab";
import type { QdaCode } from "../../../core/interop/qdpx";

const PALETTE = ["#e57373", "#64b5f6", "#81c784", "#ffb74d", "#ba68c8", "#4db6ac", "#f06292", "#a1887f"];

export const themeKey = (name: string) => name.normalize("NFC").trim();

function colourOf(c: string | undefined, k: number): string {
  const m = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.exec(c ?? "");
  if (!m) return PALETTE[k % PALETTE.length]!;
  const hex = m[1]!;
  return hex.length === 3 ? `#${[...hex].map((x) => x + x).join("")}`.toLowerCase() : `#${hex.toLowerCase()}`;
}

export interface ThemePlan {
  /** Code GUID → theme id (existing or new). */
  themeOf: Map<string, string>;
  colourOf: Map<string, string>;
  operations: DirectOperation[];
  created: number;
  matched: number;
}

export function planThemes(codes: readonly QdaCode[], existing: readonly { id: string; name: string; colour: string }[]): ThemePlan {
  const byName = new Map(existing.map((t) => [themeKey(t.name), t]));
  const plan: ThemePlan = { themeOf: new Map(), colourOf: new Map(), operations: [], created: 0, matched: 0 };
  const stack: { code: QdaCode; parentId: string | null; order: number }[] = codes.map((code, order) => ({ code, parentId: null, order })).reverse();
  while (stack.length) {
    const { code, parentId, order } = stack.pop()!;
    const name = themeKey(code.name).slice(0, COLLAB_LIMITS.themeNameMax) || "—";
    const found = byName.get(name);
    let id: string;
    if (found) {
      id = found.id;
      plan.colourOf.set(code.guid, found.colour);
      plan.matched++;
    } else {
      id = globalThis.crypto.randomUUID();
      const colour = colourOf(code.color, plan.created);
      plan.colourOf.set(code.guid, colour);
      const description = code.description?.slice(0, COLLAB_LIMITS.descriptionMax);
      plan.operations.push({ op: "upsertTheme", input: { id, name, colour, parentId, order, ...(description ? { description } : {}) } });
      byName.set(name, { id, name, colour });
      plan.created++;
    }
    plan.themeOf.set(code.guid, id);
    for (let k = code.children.length - 1; k >= 0; k--) stack.push({ code: code.children[k]!, parentId: id, order: k });
  }
  return plan;
}
