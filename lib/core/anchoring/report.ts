/** The anchoring report of an import or a re-anchoring: how many anchored how. */
import { buildAnchor, type TextAnchor } from "../collab/anchor";
import { createAnchorer, type AnchorResult, type AnchorStatus, type QuoteTarget } from "./anchor-quote";

export interface AnchoringReport {
  exact: number;
  fuzzy: number;
  orphaned: number;
}

export function summarise(results: readonly { status: AnchorStatus }[]): AnchoringReport {
  const report: AnchoringReport = { exact: 0, fuzzy: 0, orphaned: 0 };
  for (const r of results) report[r.status] += 1;
  return report;
}

export type Reanchored = { status: "exact" | "fuzzy"; anchor: TextAnchor; score: number } | { status: "orphaned" };

/**
 * Re-anchors quotes in the text of a (new) version and builds the anchors the app stores:
 * the range found, the text's own quote there, and fresh 32-unit context.
 */
export function reanchorAll(text: string, versionId: string, targets: readonly QuoteTarget[]): { results: Reanchored[]; report: AnchoringReport } {
  const anchor = createAnchorer(text);
  const results = targets.map((t): Reanchored => {
    const r: AnchorResult = anchor(t);
    if (r.status === "orphaned") return r;
    return { status: r.status, anchor: buildAnchor(text, versionId, r.start, r.end), score: r.score };
  });
  return { results, report: summarise(results) };
}
