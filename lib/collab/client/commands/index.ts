export type { Clock } from "./clock";
export { DocumentCommands, type NoteBinding, type PassageRange } from "./document-commands";
export { WorkspaceCommands } from "./workspace-commands";
export { errorKey, observeTargets, themeStateOn, type TagTarget, type ThemeState } from "./tagging";
