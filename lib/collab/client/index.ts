/**
 * The client side of collaboration, for every page: the session (socket, tokens, status,
 * offline copies, presence), stores of collaborative state behind one snapshot contract, and
 * the commands that change it. React bindings are in ./react; DOM helpers in ./dom.
 */
export type { CollabDocHandle } from "./connect";
export type { Snapshot } from "./snapshot";
export { WorkspaceSession, type ConnectionStatus, type DocumentSession, type SessionUser } from "./session/workspace-session";
export { collabTokenSource, fetchCollabGrant, type CollabGrant } from "./session/token-source";
export { DocumentCommands, WorkspaceCommands, errorKey, observeTargets, themeStateOn, type Clock, type NoteBinding, type PassageRange, type TagTarget, type ThemeState } from "./commands";
export { AnnotationStore, BROWSER_TIMING, type PaintStyle, type StoredAnnotation, type StoredPlacement } from "./stores/annotation-store";
export { documentUndo, LocalUndo } from "./stores/local-undo";
export { storeOf, type StoreKind } from "./stores/observed-store";
export { uniqueUsers, type PeerState } from "./stores/peers";
export type { PeerView, MapPresenceField } from "./stores/argument-peers";
export type { WorkspaceThemes } from "./stores/themes";
export type { DeletedTheme } from "@/lib/collab/model";
export type { WorkspaceAnnotation, WorkspaceAnnotations } from "./stores/workspace-annotations";
export type { MapData, MapDocumentInfo, MapWorkspace } from "./stores/argument-workspace";
