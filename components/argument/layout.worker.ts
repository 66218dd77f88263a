/// <reference lib="webworker" />
/**
 * Runs elkjs (layered) off the main thread. elk.bundled.js, loaded in a worker, installs its
 * own message handler on `self`; ours replaces it below, and ELK runs here synchronously on
 * its in-thread fake worker — which is this worker, not the page.
 */
import ELK from "elkjs/lib/elk.bundled.js";
import { fromElkGraph, toElkGraph } from "@/lib/core/argument/elk-graph";
import { WARM_UP, WARM_UP_OPTIONS, type LayoutRequest, type LayoutResponse } from "./layout-protocol";

const elk = new ELK();
// Warm-up while the page syncs its documents: ELK's first layout pays for compiling its code
// (about as long as a large layout itself); a tiny one here takes that off the first real one.
const warm = elk.layout(toElkGraph(WARM_UP.nodes, WARM_UP.edges, WARM_UP_OPTIONS) as Parameters<typeof elk.layout>[0]).catch(() => undefined);

self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, nodes, edges } = event.data;
  await warm;
  const t0 = performance.now();
  try {
    const out = await elk.layout(toElkGraph(nodes, edges) as Parameters<typeof elk.layout>[0]);
    const response: LayoutResponse = { id, positions: fromElkGraph(out), ms: performance.now() - t0 };
    self.postMessage(response);
  } catch (e) {
    const response: LayoutResponse = { id, error: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 };
    self.postMessage(response);
  }
};
