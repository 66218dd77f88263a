/**
 * Argdown text (https://argdown.org): one statement per node, then the relations. Argdown has
 * support (`+>`) and attack (`->`); the relations it lacks (same claim as, elaborates, responds
 * to, cites) become `//` comments naming both statements, so nothing is lost and the file
 * still parses.
 */
import type { ArgumentGraph, GraphNode } from "./graph";
import type { Relation } from "./relations";

const ARGDOWN_ARROW: Partial<Record<Relation, string>> = { supports: "+>", opposes: "->" };

/** Statement titles: short, unique, without the brackets Argdown uses as delimiters. */
function titles(nodes: readonly GraphNode[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  nodes.forEach((n, i) => {
    const head = n.text.replace(/[[\]<>\n\r]/g, " ").replace(/\s+/g, " ").trim().slice(0, 24) || n.kind;
    let title = `${i + 1} ${head}`;
    while (used.has(title)) title += "'";
    used.add(title);
    out.set(n.id, title);
  });
  return out;
}

/** Escapes what would end a statement's text early. */
const clean = (s: string): string => s.replace(/[\r\n]+/g, " ").replace(/\s+/g, " ").trim();

export function toArgdown(graph: ArgumentGraph, opts: { title: string; relationLabel: (r: Relation) => string }): string {
  const t = titles(graph.nodes);
  const lines: string[] = ["===", `title: ${JSON.stringify(opts.title)}`, "===", ""];
  for (const n of graph.nodes) {
    const source = n.documentTitle ? ` (${clean(n.documentTitle)})` : "";
    const tag = n.kind === "question" ? " #question" : n.kind === "claim" ? " #claim" : " #excerpt";
    lines.push(`[${t.get(n.id)}]: ${clean(n.text)}${source}${tag}`, "");
  }
  for (const e of graph.edges) {
    const from = t.get(e.source);
    const to = t.get(e.target);
    if (!from || !to) continue;
    const arrow = ARGDOWN_ARROW[e.relation];
    const note = e.note ? ` // ${clean(e.note)}` : "";
    if (arrow) lines.push(`[${from}]`, `  ${arrow} [${to}]${note}`, "");
    else lines.push(`// [${from}] ${opts.relationLabel(e.relation)} [${to}]${e.note ? `: ${clean(e.note)}` : ""}`, "");
  }
  return lines.join("\n").trimEnd() + "\n";
}
