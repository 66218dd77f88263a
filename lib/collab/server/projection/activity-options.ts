/**
 * What a store tells the projection about who changed the document, for the activity log.
 * A Yjs update carries no user, so the collab server notes which connections sent updates since
 * the document's last store (persist-document.ts); stores run every few seconds, so that is
 * nearly always one person. Entries that name their author (annotations, replies, links, map
 * nodes) are attributed to that author; edits of an existing annotation (note, status, themes)
 * to its author when the author was among the store's editors, else to the last editor.
 * A re-projection outside the live server (catch-up reads, rebuilds) has no editors and falls
 * back to the author.
 */
export interface ProjectionActivity {
  /** Users whose updates this store contains, in order of their last update. */
  editors: readonly string[];
  now: Date;
}

/** The projection records activity unless switched off (the realtime bench's "off" arm). */
export function activityEnabled(): boolean {
  return process.env.SYNOPTIC_ACTIVITY !== "off";
}

export function editorFor(authorId: string, activity: ProjectionActivity | undefined): string {
  const editors = activity?.editors ?? [];
  if (editors.length === 0 || editors.includes(authorId)) return authorId;
  return editors[editors.length - 1]!;
}
