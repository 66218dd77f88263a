/**
 * The typed client library over the Yjs model (docs/collab-model.md). The UI, the server's
 * direct writes and the tests use these functions; nothing else touches the Y.Maps.
 */
export * from "./annotations";
export * from "./replies";
export * from "./workspace";
export * from "./links";
export * from "./argument";
export * from "./tagging";
export { createUndoManager } from "./undo";
export { noteText } from "./note-text";
export { localOriginOf, newEntryId } from "./structure";
export { annotationsDocName, discussionDocName, metaDocName, parseDocName, buildAnchor, checkAnchor } from "../../core/collab";
export type { AnnotationEntry, ReplyEntry, ThemeEntry, MapNodeEntry, CollabActor, TextAnchor } from "../../core/collab";
