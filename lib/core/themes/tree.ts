/**
 * The theme hierarchy. Entries say who their parent is; everything else (depth, children,
 * sibling order, descendants for roll-up) is derived here. Concurrent moves can make a cycle
 * (Alice puts A under B while Bob puts B under A): the client library refuses a move that
 * would close a cycle locally, and views break any cycle that still arrives, the same way on
 * every client, so nobody sees a theme vanish.
 */

export interface ThemeNode {
  id: string;
  name: string;
  parentId?: string | undefined;
  order?: number | undefined;
}

export interface TreeRow<T extends ThemeNode> {
  theme: T;
  depth: number;
  /** The parent used for display (undefined at the root, or where a cycle was broken). */
  parentId: string | undefined;
  childIds: string[];
}

const collator = new Intl.Collator("ja", { numeric: true, sensitivity: "base" });

/** Sibling order: `order` when set (smaller first), then name, then id. */
export function compareSiblings(a: ThemeNode, b: ThemeNode): number {
  const ao = a.order ?? Number.POSITIVE_INFINITY;
  const bo = b.order ?? Number.POSITIVE_INFINITY;
  if (ao !== bo) return ao < bo ? -1 : 1;
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The effective parent of every theme: its `parentId` when that theme exists and following
 * parents from it never returns to it; otherwise none. In a cycle, the member with the smallest
 * id becomes a root, so every client breaks it at the same place.
 */
export function effectiveParents(themes: readonly ThemeNode[]): Map<string, string | undefined> {
  const byId = new Map(themes.map((t) => [t.id, t]));
  const parent = new Map<string, string | undefined>();
  for (const t of themes) parent.set(t.id, t.parentId && t.parentId !== t.id && byId.has(t.parentId) ? t.parentId : undefined);
  for (const t of themes) {
    const seen: string[] = [];
    let cur: string | undefined = t.id;
    while (cur !== undefined && !seen.includes(cur)) {
      seen.push(cur);
      cur = parent.get(cur);
    }
    if (cur === undefined) continue;
    const cycle = seen.slice(seen.indexOf(cur));
    const root = [...cycle].sort()[0]!;
    parent.set(root, undefined);
  }
  return parent;
}

/** Depth-first rows: each theme after its parent, siblings in order. */
export function buildThemeTree<T extends ThemeNode>(themes: readonly T[]): TreeRow<T>[] {
  const parent = effectiveParents(themes);
  const children = new Map<string | undefined, T[]>();
  for (const t of themes) {
    const p = parent.get(t.id);
    children.set(p, [...(children.get(p) ?? []), t]);
  }
  for (const list of children.values()) list.sort(compareSiblings);
  const rows: TreeRow<T>[] = [];
  const walk = (p: string | undefined, depth: number) => {
    for (const t of children.get(p) ?? []) {
      rows.push({ theme: t, depth, parentId: p, childIds: (children.get(t.id) ?? []).map((c) => c.id) });
      walk(t.id, depth + 1);
    }
  };
  walk(undefined, 0);
  return rows;
}

/** `id` and every theme below it. */
export function subtreeIds(themes: readonly ThemeNode[], id: string): Set<string> {
  const parent = effectiveParents(themes);
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, p] of parent) {
      if (p !== undefined && out.has(p) && !out.has(child)) {
        out.add(child);
        grew = true;
      }
    }
  }
  return out;
}

/** True when putting `id` under `parentId` would make it its own ancestor. */
export function wouldCreateCycle(themes: readonly ThemeNode[], id: string, parentId: string | undefined): boolean {
  if (parentId === undefined) return false;
  return subtreeIds(themes, id).has(parentId);
}

/** An `order` value between two neighbours (either may be missing: start or end of the list). */
export function orderBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) return after! - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}

/**
 * The `order` that puts a theme at index `index` among `siblings` (sorted, without the theme
 * itself).
 */
export function orderAt(siblings: readonly ThemeNode[], index: number): number {
  const sorted = [...siblings].sort(compareSiblings);
  const ord = (i: number): number | undefined => {
    const t = sorted[i];
    return t === undefined ? undefined : (t.order ?? i);
  };
  return orderBetween(index > 0 ? ord(index - 1) : undefined, ord(index));
}
