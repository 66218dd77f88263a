/**
 * A synthetic argument map for the benchmarks: `n` nodes (Japanese excerpts of varied length,
 * a few claims and questions) and `m` typed edges, with cycles, from a seeded generator so
 * every run lays out the same graph.
 */
import { RELATIONS, type GraphEdge, type GraphNode } from "../../../lib/core/argument";

const PHRASES = ["拡大抑止の信頼性", "反撃能力の保有", "指揮統制の調整", "同盟調整メカニズム", "情報共有の改善", "共同計画の深化", "抑止力を強化する", "日米の役割分担"];

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticMap(n: number, m: number, seed = 7): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const nodes: GraphNode[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 10 === 0 ? "claim" : i % 17 === 0 ? "question" : "annotation";
    const words = 1 + Math.floor(rand() * 6);
    const text = Array.from({ length: words }, () => pick(PHRASES)).join("、") + "。";
    nodes.push({ id: `n${i}`, kind, text, themeIds: [], ...(kind === "annotation" ? { documentId: `d${i % 5}`, documentTitle: `論文${(i % 5) + 1}` } : {}) });
  }
  // Argument maps grow in threads (one question, its claims, the excerpts for and against):
  // clusters of about 20 nodes, most links inside a cluster (including back links: cycles), a
  // tenth of them between clusters.
  const cluster = 20;
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  while (edges.length < m) {
    const a = Math.floor(rand() * n);
    const base = a - (a % cluster);
    const b = rand() < 0.9 ? Math.min(n - 1, base + Math.floor(rand() * cluster)) : Math.floor(rand() * n);
    if (a === b) continue;
    const key = `${a}>${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ id: `e${edges.length}`, source: `n${a}`, target: `n${b}`, relation: pick(RELATIONS) });
  }
  return { nodes, edges };
}
