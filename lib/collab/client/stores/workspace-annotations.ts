import type * as Y from "yjs";
import { getAnnotation, listAnnotations, observeAnnotationChanges, type AnnotationEntry } from "@/lib/collab/model";
import type { AnalysisAnnotation } from "@/lib/core/themes";

/**
 * An annotation as the workspace views read it live: the analysis input (matrix, theme manager)
 * plus the highlight colour the argument map draws its nodes with.
 */
export interface WorkspaceAnnotation extends AnalysisAnnotation {
  colour: string;
}

export interface WorkspaceAnnotations {
  /** Document by document in the order of the docs given, each oldest first (as listAnnotations). */
  annotations: WorkspaceAnnotation[];
  byId: Map<string, WorkspaceAnnotation>;
}

const toWatched = (documentId: string, a: AnnotationEntry): WorkspaceAnnotation => ({
  id: a.id,
  documentId,
  versionId: a.anchor.versionId,
  start: a.anchor.start,
  end: a.anchor.end,
  exact: a.anchor.exact,
  themeIds: a.themeIds,
  authorName: a.author.name,
  colour: a.colour,
});

export const NO_ANNOTATIONS: WorkspaceAnnotations = { annotations: [], byId: new Map() };

export interface AnnotationWatch {
  /** The current annotations, as a new snapshot (what the hook publishes). */
  read(): WorkspaceAnnotations;
  stop(): void;
}

/** One live annotation; `value` is replaced in place when the entry is edited. */
interface Slot {
  value: WorkspaceAnnotation;
  createdAt: string;
}

/** Code point order on (createdAt, id): listAnnotations' order without a collator per comparison. */
const bySlot = (a: Slot, b: Slot): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.value.id < b.value.id ? -1 : a.value.id > b.value.id ? 1 : 0;

/**
 * The work of useWorkspaceAnnotations without React: reads the annotations the docs hold now, then follows every
 * change incrementally (only the entries a transaction touched are read again, each through
 * the validating client library) and calls `onChange` after each. The matrix page starts it
 * before the docs have synced, so the initial sync itself arrives as one change per document.
 * Snapshots list each document's annotations oldest first, so views that show them in order
 * (the map's "place on the map" list) see what a full listAnnotations pass would give. The
 * order of a document is sorted again only after an annotation was added or removed there: an
 * edit (a remote tag, the common live change) replaces its entry where it stands.
 * scripts/bench/_themes-page.tsx and scripts/bench/_map/remote.tsx run this same function.
 */
export function watchWorkspaceAnnotations(docs: ReadonlyMap<string, Y.Doc>, onChange: () => void): AnnotationWatch {
  const perDoc = new Map<string, { slots: Map<string, Slot>; sorted: Slot[] | null }>();
  const put = (documentId: string, a: AnnotationEntry | undefined, id: string) => {
    const state = perDoc.get(documentId)!;
    const slot = state.slots.get(id);
    if (!a || a.deleted) {
      if (slot && state.slots.delete(id)) state.sorted = null;
    } else if (slot && slot.createdAt === a.createdAt) {
      slot.value = toWatched(documentId, a);
    } else {
      state.slots.set(id, { value: toWatched(documentId, a), createdAt: a.createdAt });
      state.sorted = null;
    }
  };
  for (const [documentId, doc] of docs) {
    perDoc.set(documentId, { slots: new Map(), sorted: null });
    for (const a of listAnnotations(doc)) put(documentId, a, a.id);
  }
  const stops = [...docs].map(([documentId, doc]) =>
    observeAnnotationChanges(doc, (ids) => {
      for (const id of ids) put(documentId, getAnnotation(doc, id), id);
      onChange();
    }),
  );
  return {
    read: () => {
      const annotations: WorkspaceAnnotation[] = [];
      for (const state of perDoc.values()) {
        state.sorted ??= [...state.slots.values()].sort(bySlot);
        for (const slot of state.sorted) annotations.push(slot.value);
      }
      const byId = new Map(annotations.map((a) => [a.id, a]));
      // One id in two documents (an entry copied across by another client) counts once, as
      // its last reading, so the matrix does not count it twice.
      return { annotations: byId.size === annotations.length ? annotations : annotations.filter((a) => byId.get(a.id) === a), byId };
    },
    stop: () => stops.forEach((s) => s()),
  };
}
