import { describe, expect, it } from "vitest";
import {
  argumentLinkSchema,
  buildGraph,
  catalogOf,
  computeConnectors,
  createGraphBuilder,
  filterGraph,
  fromElkGraph,
  linkProblem,
  neighbourhood,
  normaliseRelation,
  RELATIONS,
  toAif,
  toArgdown,
  toElkGraph,
  toSvg,
  wrapText,
  type ArgumentLink,
  type CatalogAnnotation,
} from ".";

const author = { id: "u1", name: "青木" };
const at = "2026-03-01T10:00:00.000Z";
const link = (id: string, from: string, to: string, kind: ArgumentLink["kind"], extra: Partial<ArgumentLink> = {}): ArgumentLink => ({
  id,
  from: { kind: "annotation", id: from },
  to: { kind: "annotation", id: to },
  kind,
  author,
  createdAt: at,
  ...extra,
});
const ann = (id: string, documentId: string, exact: string, themeIds: string[] = []): CatalogAnnotation => ({ id, documentId, documentTitle: `文書${documentId}`, exact, themeIds });
const annotations = new Map([
  ["a1", ann("a1", "d1", "拡大抑止の信頼性を高める", ["t1"])],
  ["a2", ann("a2", "d2", "反撃能力の保有は抑止力を強化する", ["t2"])],
  ["a3", ann("a3", "d3", "指揮統制の調整が課題となる", ["t1"])],
]);
const relationLabel = (r: string) => r;

describe("relations and the link schema", () => {
  it("maps legacy kinds and the old label onto today's relation and note", () => {
    expect(normaliseRelation("contradicts")).toBe("opposes");
    expect(normaliseRelation("questions")).toBe("responds_to");
    expect(normaliseRelation("bogus")).toBeUndefined();
    const parsed = argumentLinkSchema.parse({ ...link("l1", "a1", "a2", "supports"), kind: "contradicts", label: "逆" });
    expect(parsed).toMatchObject({ kind: "opposes", note: "逆" });
    expect(argumentLinkSchema.safeParse({ ...link("l1", "a1", "a2", "supports"), kind: "loves" }).success).toBe(false);
  });
});

describe("link rules", () => {
  const catalog = catalogOf(["a1", "a2", "a3"], ["n1"]);
  it("refuses self-links, duplicates and unknown ends, allows cycles and other relations", () => {
    const existing = [link("l1", "a1", "a2", "supports")];
    expect(linkProblem(link("x", "a1", "a1", "supports"), existing, catalog)).toBe("link_to_itself");
    expect(linkProblem(link("x", "a1", "a2", "supports"), existing, catalog)).toBe("link_duplicate");
    expect(linkProblem(link("x", "a1", "a2", "opposes"), existing, catalog)).toBeNull();
    expect(linkProblem(link("x", "a2", "a1", "supports"), existing, catalog)).toBeNull(); // a cycle
    expect(linkProblem(link("x", "a1", "other-ws-annotation", "cites"), existing, catalog)).toBe("link_endpoint_missing");
    expect(linkProblem(link("x", "a1", "a2", "supports"), [{ ...existing[0]!, deleted: true }], catalog)).toBeNull();
  });
});

describe("the incremental graph builder", () => {
  const links = [link("l1", "a1", "a2", "supports"), link("l2", "a2", "a3", "opposes"), link("l4", "a1", "gone", "cites")];
  const nodes = [
    { id: "p1", kind: "annotation" as const, annotationId: "a1" },
    { id: "n1", kind: "claim" as const, label: "主張" },
  ];
  it("gives buildGraph's graph, replacing only the node whose annotation changed", () => {
    const build = createGraphBuilder();
    const first = build({ annotations, nodes, links });
    expect(first).toEqual(buildGraph({ annotations, nodes, links }));
    expect(build({ annotations, nodes, links })).toBe(first);
    // A tag on a1: a new node for it, every other node and the edges keep their objects.
    const tagged = new Map(annotations).set("a1", ann("a1", "d1", "拡大抑止の信頼性を高める", ["t1", "t2"]));
    const second = build({ annotations: tagged, nodes, links });
    expect(second).toEqual(buildGraph({ annotations: tagged, nodes, links }));
    expect(second.edges).toBe(first.edges);
    expect(second.nodes.find((n) => n.id === "a1")).toMatchObject({ themeIds: ["t1", "t2"], mapNodeId: "p1" });
    expect(second.nodes.filter((n) => n.id !== "a1").every((n) => first.nodes.includes(n))).toBe(true);
    // An annotation the map does not show: the same graph.
    const other = new Map(tagged).set("zz", ann("zz", "d1", "無関係"));
    expect(build({ annotations: other, nodes, links })).toBe(second);
    // The missing end appears, an end goes: built afresh, as buildGraph does.
    const appeared = new Map(other).set("gone", ann("gone", "d2", "戻った"));
    expect(build({ annotations: appeared, nodes, links })).toEqual(buildGraph({ annotations: appeared, nodes, links }));
    const removed = new Map(appeared);
    removed.delete("a3");
    expect(build({ annotations: removed, nodes, links })).toEqual(buildGraph({ annotations: removed, nodes, links }));
    const moreLinks = [...links, link("l9", "a2", "a1", "cites")];
    expect(build({ annotations: removed, nodes, links: moreLinks })).toEqual(buildGraph({ annotations: removed, nodes, links: moreLinks }));
  });

  it("filterGraph keeps the graph's arrays when it leaves nothing out", () => {
    const g = buildGraph({ annotations, nodes, links });
    const all = filterGraph(g, { relations: new Set(RELATIONS) });
    expect(all.nodes).toBe(g.nodes);
    expect(all.edges).toBe(g.edges);
    expect(filterGraph(g, { relations: new Set(["supports"]) }).edges).toEqual([g.edges[0]]);
  });
});

describe("the map graph", () => {
  const links = [link("l1", "a1", "a2", "supports"), link("l2", "a2", "a3", "opposes"), link("l3", "a3", "a1", "responds_to"), link("l4", "a1", "gone", "cites")];
  const nodes = [
    { id: "n1", kind: "claim" as const, label: "同盟の調整を常設化すべきだ" },
    { id: "n2", kind: "question" as const, label: "誰が指揮するのか？", deleted: true },
  ];
  const withClaim = [...links, { ...link("l5", "n1", "a1", "elaborates"), from: { kind: "node" as const, id: "n1" } }];
  const graph = buildGraph({ annotations, nodes, links: withClaim });

  it("draws linked annotations and live free nodes, and counts links to missing ends", () => {
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(["a1", "a2", "a3", "n1"]);
    expect(graph.edges.map((e) => e.id).sort()).toEqual(["l1", "l2", "l3", "l5"]);
    expect(graph.dangling).toEqual(["l4"]);
  });

  it("filters by document, theme and relation, and focuses on a neighbourhood", () => {
    expect(filterGraph(graph, { documentIds: new Set(["d1", "d2"]) }).nodes.map((n) => n.id).sort()).toEqual(["a1", "a2", "n1"]);
    expect(filterGraph(graph, { themeIds: new Set(["t1"]) }).edges.map((e) => e.id).sort()).toEqual(["l3", "l5"]);
    expect(filterGraph(graph, { relations: new Set(["supports"]) }).edges.map((e) => e.id)).toEqual(["l1"]);
    const focus = filterGraph(graph, { focus: { id: "n1", depth: 1 } });
    expect(focus.nodes.map((n) => n.id).sort()).toEqual(["a1", "n1"]);
    expect([...neighbourhood(graph.edges, "a2", 2)].sort()).toEqual(["a1", "a2", "a3", "n1"]);
  });

  it("gives ELK sized nodes and reads positions back; cycles are kept for ELK to break", () => {
    const elk = toElkGraph(graph.nodes, graph.edges);
    expect(elk.children).toHaveLength(4);
    expect(elk.edges).toHaveLength(4);
    expect(elk.layoutOptions["elk.algorithm"]).toBe("layered");
    expect(fromElkGraph({ children: [{ id: "a1", x: 10.4, y: 20.6 }] })).toEqual({ a1: { x: 10, y: 21 } });
  });

  it("exports Argdown with support and attack arrows and comments for the rest", () => {
    const text = toArgdown(graph, { title: "同盟", relationLabel });
    expect(text).toContain("[2 拡大抑止の信頼性を高める]: 拡大抑止の信頼性を高める (文書d1) #excerpt");
    expect(text).toMatch(/\[2 [^\]]+\]\n {2}\+> \[3 /);
    expect(text).toMatch(/\[3 [^\]]+\]\n {2}-> \[4 /);
    expect(text).toContain("// [4 指揮統制の調整が課題となる] responds_to [2 ");
    expect(text).toContain("[1 同盟の調整を常設化すべきだ]: 同盟の調整を常設化すべきだ #claim");
  });

  it("exports AIF with I-nodes and RA/CA S-nodes joined by edges", () => {
    const aif = toAif(graph, { title: "同盟", now: new Date(at) });
    const types = aif.nodes.map((n) => n.type);
    expect(types.filter((t) => t === "I")).toHaveLength(4);
    expect(types.filter((t) => t === "RA")).toHaveLength(1);
    expect(types.filter((t) => t === "CA")).toHaveLength(1);
    expect(aif.edges).toHaveLength(4);
    const ra = aif.nodes.find((n) => n.type === "RA")!;
    const into = aif.edges.find((e) => e.toID === ra.nodeID)!;
    expect(aif.nodes.find((n) => n.nodeID === into.fromID)!.text).toBe("拡大抑止の信頼性を高める");
    expect(aif.synoptic.relations.map((r) => r.relation).sort()).toEqual(["elaborates", "responds_to"]);
    expect(aif.synoptic.sources).toHaveLength(3);
    expect(aif.nodes[0]!.timestamp).toBe("2026-03-01 10:00:00");
  });

  it("exports a same-claim link as an MA node", () => {
    const g = buildGraph({ annotations, nodes: [], links: [link("s", "a1", "a3", "same_claim")] });
    expect(toAif(g, { title: "", now: new Date(at) }).nodes.map((n) => n.type)).toEqual(["I", "I", "MA"]);
  });

  it("exports SVG with escaped text, one path per edge and a legend of every relation", () => {
    const g = buildGraph({ annotations: new Map([...annotations, ["a4", ann("a4", "d1", "<script>&")]]), nodes: [], links: [link("x", "a4", "a1", "supports")] });
    const svg = toSvg(g, { a4: { x: 0, y: 0 }, a1: { x: 0, y: 200 } }, { title: "map", relationLabel, kindLabel: (k) => k });
    expect(svg).toContain("&lt;script&gt;&amp;");
    expect(svg).not.toContain("<script>");
    expect(svg.match(/<path data-link="x" data-relation="supports"/g)).toHaveLength(1);
    for (const r of RELATIONS) expect(svg).toContain(`id="arrow-${r}"`);
  });

  it("wraps Japanese text by width and ellipsises the overflow", () => {
    const lines = wrapText("あ".repeat(100));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toHaveLength(14);
    expect(lines[4]!.endsWith("…")).toBe(true);
  });
});

describe("connectors between panes", () => {
  const viewport = (x: number) => ({ x, y: 0, width: 400, height: 600 });
  it("joins facing sides of passages in different panes and skips links within a pane", () => {
    const paths = computeConnectors([
      { linkId: "l1", relation: "supports", from: { pane: 0, rect: { x: 20, y: 100, width: 300, height: 20 }, viewport: viewport(0) }, to: { pane: 1, rect: { x: 450, y: 300, width: 200, height: 20 }, viewport: viewport(420) } },
      { linkId: "l2", relation: "opposes", from: { pane: 1, rect: { x: 450, y: 10, width: 10, height: 10 }, viewport: viewport(420) }, to: { pane: 1, rect: { x: 450, y: 50, width: 10, height: 10 }, viewport: viewport(420) } },
    ]);
    expect(paths).toHaveLength(1);
    expect(paths[0]).toMatchObject({ linkId: "l1", start: { x: 320, y: 110 }, end: { x: 450, y: 310 }, offscreen: false, colour: "#009e73" });
    expect(paths[0]!.d.startsWith("M320.0,110.0 C")).toBe(true);
  });
  it("clamps an end scrolled out of view to its pane's edge, drops a link with both ends out", () => {
    const far = { x: 450, y: 2000, width: 10, height: 10 };
    const [p] = computeConnectors([{ linkId: "l", relation: "cites", from: { pane: 1, rect: far, viewport: viewport(420) }, to: { pane: 0, rect: { x: 10, y: 50, width: 100, height: 10 }, viewport: viewport(0) } }]);
    expect(p).toMatchObject({ offscreen: true, start: { x: 450, y: 600 }, end: { x: 110, y: 55 }, dashed: true });
    expect(computeConnectors([{ linkId: "l", relation: "cites", from: { pane: 1, rect: far, viewport: viewport(420) }, to: { pane: 0, rect: far, viewport: viewport(0) } }])).toEqual([]);
  });
});

describe("two-level layout input for large maps", () => {
  it("groups closely linked nodes, lifts links between groups and flattens positions back", async () => {
    const { communities } = await import("./communities");
    const ids = Array.from({ length: 12 }, (_, i) => `n${i}`);
    // two dense clusters of 6 (every node linked to the next two), joined by one link
    const dense = (from: number, tag: string) =>
      [0, 1, 2, 3, 4, 5].flatMap((i) => [1, 2].map((d) => ({ id: `${tag}${i}-${d}`, source: `n${from + i}`, target: `n${from + ((i + d) % 6)}` })));
    const edges = [...dense(0, "a"), ...dense(6, "b"), { id: "x", source: "n2", target: "n8" }];
    const groups = communities(ids, edges);
    expect(groups.get("n0")).toBe(groups.get("n4"));
    expect(groups.get("n0")).not.toBe(groups.get("n9"));
    const capped = communities(ids, edges, { maxSize: 4 });
    expect(Math.max(...[...capped.values()].map((g) => [...capped.values()].filter((x) => x === g).length))).toBeLessThanOrEqual(4);

    const nodes = ids.map((id) => ({ id, text: "抑止" }));
    const elk = toElkGraph(nodes, edges, { twoLevelFrom: 10, binSize: 6 });
    expect(elk.layoutOptions["elk.hierarchyHandling"]).toBe("SEPARATE_CHILDREN");
    expect(elk.children).toHaveLength(2);
    expect(elk.edges).toEqual([{ id: expect.stringMatching(/^group:/), sources: [elk.children[0]!.id], targets: [elk.children[1]!.id] }]);
    expect(elk.children.flatMap((c) => c.edges ?? [])).toHaveLength(24);
    const out = { children: [{ id: elk.children[0]!.id, x: 100, y: 50, children: [{ id: "n0", x: 12, y: 12 }] }] };
    expect(fromElkGraph(out)).toEqual({ n0: { x: 112, y: 62 } });
  });
});

describe("links between open panes", () => {
  it("pairs each cross-pane annotation link with the nearest two panes, skips the rest", async () => {
    const { linksBetweenPanes } = await import("./connectors");
    const panes: Record<string, number[]> = { a1: [0], a2: [1, 3], a3: [1] };
    const out = linksBetweenPanes(
      [link("l1", "a1", "a2", "supports"), link("l2", "a2", "a3", "opposes"), link("l3", "a1", "gone", "cites"), { ...link("l4", "a1", "a3", "cites"), deleted: true }],
      (id) => panes[id] ?? [],
    );
    expect(out).toEqual([
      { linkId: "l1", relation: "supports", from: { pane: 0, annotationId: "a1" }, to: { pane: 1, annotationId: "a2" } },
      { linkId: "l2", relation: "opposes", from: { pane: 3, annotationId: "a2" }, to: { pane: 1, annotationId: "a3" } },
    ]);
  });
});
