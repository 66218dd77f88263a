/**
 * Every change a page makes to one document's docs (annotations with their notes, and the
 * discussion's replies), with the actor and the clock given once.
 */
import {
  addReply,
  buildAnchor,
  createAnnotation,
  deleteAnnotation,
  deleteReply,
  editReply,
  getNoteFragment,
  setStatus,
  tagAnnotations,
  updateAnnotation,
  type AnnotationEntry,
  type CollabActor,
  type ReplyEntry,
} from "@/lib/collab/model";
import type { AnnotationPatch, TagChange } from "@/lib/collab/model";
import type { AnnotationStatus } from "@/lib/core/collab";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type * as Y from "yjs";
import type { DocumentSession } from "../session/workspace-session";
import type { Clock } from "./clock";
import type { TagTarget } from "./tagging";

/** What a note editor binds to: the annotation's rich-text fragment and the provider carrying carets. */
export interface NoteBinding {
  fragment: Y.XmlFragment;
  provider: HocuspocusProvider;
}

/** The passage to annotate: a range of a version's canonical text. */
export interface PassageRange {
  text: string;
  versionId: string;
  start: number;
  end: number;
}

export class DocumentCommands {
  constructor(
    readonly docs: DocumentSession,
    private readonly actor: CollabActor,
    private readonly now: Clock = () => new Date(),
  ) {}

  private get annotations() {
    return this.docs.annotations.doc;
  }

  /** A new annotation on `range` (anchored by position and quote) in `colour`. */
  annotate(range: PassageRange, colour: string): AnnotationEntry {
    const anchor = buildAnchor(range.text, range.versionId, range.start, range.end);
    return createAnnotation(this.annotations, { anchor, colour }, this.actor, this.now());
  }

  /**
   * Re-attaches an annotation (an orphan of an older version) to `range` of the version shown:
   * its anchor is rebuilt there, so it is painted, exported and searched at that place from now on.
   */
  reattach(id: string, range: PassageRange): AnnotationEntry {
    return this.update(id, { anchor: buildAnchor(range.text, range.versionId, range.start, range.end) });
  }

  update(id: string, patch: AnnotationPatch): AnnotationEntry {
    return updateAnnotation(this.annotations, id, patch, this.now());
  }

  setStatus(id: string, status: AnnotationStatus): AnnotationEntry {
    return setStatus(this.annotations, id, status, this.now());
  }

  delete(id: string): void {
    deleteAnnotation(this.annotations, id, this.now());
  }

  /** Adds and removes themes on annotations of this document (`liveThemes`: those that may be added). */
  tag(ids: readonly string[], change: TagChange, liveThemes: readonly { id: string }[]): AnnotationEntry[] {
    return tagAnnotations(this.annotations, ids, change, liveThemes, this.now());
  }

  /** Annotations of this document as a target of cross-document tagging (commands/tagging.ts). */
  target(annotationIds: readonly string[]): TagTarget {
    return { doc: this.annotations, annotationIds };
  }

  /** The note of an annotation (created with it; absent for an unknown or foreign entry). */
  note(annotationId: string): NoteBinding | undefined {
    const fragment = getNoteFragment(this.annotations, annotationId);
    return fragment ? { fragment, provider: this.docs.annotations.provider } : undefined;
  }

  /** Shows the others what this tab selects in the document (null: nothing). Presence, not a doc write. */
  shareSelection(selection: { versionId: string; start: number; end: number } | null): void {
    this.docs.annotations.provider.awareness?.setLocalStateField("selection", selection);
  }

  reply(annotationId: string, body: string, parent?: ReplyEntry): ReplyEntry {
    return addReply(this.docs.discussion.doc, { annotationId, body, ...(parent ? { parentId: parent.id } : {}) }, this.actor, this.now());
  }

  editReply(id: string, body: string): ReplyEntry {
    return editReply(this.docs.discussion.doc, id, body, this.actor, this.now());
  }

  deleteReply(id: string): void {
    deleteReply(this.docs.discussion.doc, id, this.actor, this.now());
  }
}
