import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import type { AifDocument } from "../../lib/core/argument/export-aif";
import { DEMO_WORKSPACE } from "../../lib/server/demo/seed-demo";

/**
 * Argument-map helpers. The e2e tests share the demo workspace (and a retried test meets its
 * own earlier links), so every assertion names the nodes and links it made instead of counting.
 */
export const MAP = `/w/${DEMO_WORKSPACE.slug}/map`;

export async function openMap(page: Page): Promise<void> {
  await page.goto(MAP);
  await page.locator('[data-testid=map-view][data-connection="connected"]').waitFor({ timeout: 30_000 });
}

/** The map's edge from node `source` to node `target` (React Flow's element, attributes from MapCanvas). */
export function mapEdge(page: Page, source: string, target: string, relation?: string): Locator {
  return page.locator(`.react-flow__edge${relation ? `.rel-${relation}` : ""}[data-source="${source}"][data-target="${target}"]`);
}

export function mapNode(page: Page, id: string): Locator {
  return page.locator(`[data-testid=map-node][data-node-id="${id}"]`);
}

/** Waits for `locator` to appear and returns how long that took (ms). */
export async function timeUntilShown(locator: Locator, timeout = 10_000): Promise<number> {
  const t0 = Date.now();
  await locator.waitFor({ state: "attached", timeout });
  return Date.now() - t0;
}

/** Downloads one of the map's export formats and returns its text. */
export async function downloadMapExport(page: Page, format: "aif" | "svg" | "argdown" | "png"): Promise<Buffer> {
  await page.getByTestId("map-export").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`map-export-${format}`).click()]);
  return readFileSync((await download.path())!);
}

/**
 * What an AIF file says about the link from I-node `from` to I-node `to` (each an annotation id
 * or, for claims and questions, the node's text): the S-node type (RA, CA, MA) between them, the
 * relation kept under `synoptic.relations`, or null.
 */
export function aifRelation(aif: AifDocument, from: string, to: string): string | null {
  const iNode = (key: string) =>
    aif.synoptic.sources.find((s) => s.annotationId === key)?.nodeID ?? aif.nodes.find((n) => n.type === "I" && n.text === key)?.nodeID;
  const f = iNode(from);
  const t = iNode(to);
  if (!f || !t) return null;
  for (const into of aif.edges.filter((e) => e.fromID === f)) {
    const s = aif.nodes.find((n) => n.nodeID === into.toID && n.type !== "I");
    if (s && aif.edges.some((e) => e.fromID === s.nodeID && e.toID === t)) return s.type;
  }
  return aif.synoptic.relations.find((r) => r.from === f && r.to === t)?.relation ?? null;
}
