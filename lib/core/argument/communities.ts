/**
 * Groups of closely linked nodes (label propagation, deterministic), used to lay out large
 * maps in two levels: each group on its own, then the groups. A layered layout of a
 * thousand-node map in one piece spends most of its time on the dummy nodes that long edges
 * between distant threads create; argument maps grow as threads (a question, its claims, the
 * excerpts for and against), so laying out threads separately loses little and costs far less.
 */
export function communities(ids: readonly string[], edges: readonly { source: string; target: string }[], opts: { maxSize?: number; rounds?: number } = {}): Map<string, number> {
  const maxSize = opts.maxSize ?? 80;
  const index = new Map(ids.map((id, i) => [id, i]));
  const adj: number[][] = ids.map(() => []);
  for (const e of edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    adj[a]!.push(b);
    adj[b]!.push(a);
  }
  const label = ids.map((_, i) => i);
  for (let round = 0; round < (opts.rounds ?? 15); round++) {
    let changed = false;
    for (let i = 0; i < ids.length; i++) {
      if (adj[i]!.length === 0) continue;
      const counts = new Map<number, number>();
      for (const j of adj[i]!) counts.set(label[j]!, (counts.get(label[j]!) ?? 0) + 1);
      // Keep the current label while it is among the most frequent (the usual rule; it stops
      // a label from flooding across a single bridge); otherwise the smallest of the best.
      let best = label[i]!;
      let bestCount = counts.get(best) ?? 0;
      for (const [l, c] of counts) {
        if (c > bestCount || (c === bestCount && l < best && bestCount > (counts.get(label[i]!) ?? 0))) {
          best = l;
          bestCount = c;
        }
      }
      if (best !== label[i]) {
        label[i] = best;
        changed = true;
      }
    }
    if (!changed) break;
  }
  // Oversized groups are cut into pieces of at most maxSize, in breadth-first order so each
  // piece stays connected where it can.
  const groups = new Map<number, number[]>();
  label.forEach((l, i) => (groups.get(l) ?? groups.set(l, []).get(l)!).push(i));
  const out = new Map<string, number>();
  let next = 0;
  for (const members of groups.values()) {
    if (members.length <= maxSize) {
      for (const i of members) out.set(ids[i]!, next);
      next++;
      continue;
    }
    const inGroup = new Set(members);
    const seen = new Set<number>();
    let size = 0;
    next++;
    for (const start of members) {
      if (seen.has(start)) continue;
      const queue = [start];
      seen.add(start);
      while (queue.length) {
        const i = queue.shift()!;
        if (size === maxSize) {
          next++;
          size = 0;
        }
        out.set(ids[i]!, next);
        size++;
        for (const j of adj[i]!) {
          if (!inGroup.has(j) || seen.has(j)) continue;
          seen.add(j);
          queue.push(j);
        }
      }
    }
    next++;
  }
  return out;
}
