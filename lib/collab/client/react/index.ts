/** React bindings of the client collaboration layer: one snapshot hook, the page session. */
export { useSnapshot } from "./use-snapshot";
export { useConnectionStatus, useWorkspaceSession, type WorkspaceSessionState } from "./use-workspace-session";
export { useDocumentDocs } from "./use-document-docs";
export { useMapSession, type MapSessionState } from "./use-map-session";
export { useAwareness, useMapPeers, usePublish } from "./use-peers";
export { useWorkspaceThemes } from "./use-workspace-themes";
export { useWorkspaceLinks } from "./use-workspace-links";
export { useWorkspaceAnnotations } from "./use-workspace-annotations";
export { useMapData } from "./use-map-data";
export { useReplies } from "./use-replies";
export { useListPreviews, type ListPreviews } from "./use-list-previews";
export { useWorkspaceCommands } from "./use-commands";
