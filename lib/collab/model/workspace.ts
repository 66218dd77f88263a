/**
 * The workspace Y.Doc: themes (./themes.ts), links (./links.ts), argument-map nodes and their
 * positions (./map.ts). This file only ties them together for observers.
 */
import type * as Y from "yjs";
import { linksMap, nodesMap, positionsMap, themesMap } from "./structure";

export * from "./themes";

/** Calls `listener` after any change of themes, links, nodes or positions. */
export function observeWorkspace(doc: Y.Doc, listener: () => void): () => void {
  const maps = [themesMap(doc), linksMap(doc), nodesMap(doc), positionsMap(doc)];
  const fn = () => listener();
  for (const m of maps) m.observe(fn);
  return () => maps.forEach((m) => m.unobserve(fn));
}
