import type { DocumentMetaView, VersionView } from "@/lib/core/reader";
import type { Role } from "@/lib/core/roles";
import type { StoredPlacementRow } from "@/lib/core/compare";

/** Plain data the server page hands to the compare view (mirrors lib/server/documents/get-compare-view). */
export interface ComparePaneData {
  document: DocumentMetaView;
  /** `deferred`: a long text, fetched by the pane (DeferredPane) rather than sent in the page. */
  version: VersionView & { id: string; deferred?: boolean };
  versionNumbers: Record<string, number>;
  /** Projection snapshot painted before the live doc arrives: [start, end, colour index, …]. */
  preview: { colours: string[]; spans: number[] };
  /** Where annotations of older versions land in this one, stored by the server's re-anchoring. */
  placements: StoredPlacementRow[];
}

export interface CompareData {
  workspace: { id: string; slug: string; name: string; role: Role };
  panes: ComparePaneData[];
  missing: string[];
  documents: { id: string; title: string; language: string | null }[];
}

export interface CompareUser {
  id: string;
  name: string;
}

/** Where a focused annotation is: its pane's document and its id. */
export interface FocusRef {
  documentId: string;
  annotationId: string;
}
