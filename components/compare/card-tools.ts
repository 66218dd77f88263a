import type { PickerCandidate, PickerSearch } from "@/components/links/LinkPicker";
import type { WorkspaceCommands, WorkspaceThemes } from "@/lib/collab/client";
import type { EndpointCatalog } from "@/lib/core/argument/validate-link";
import type { ArgumentLink, LinkEndpoint } from "@/lib/core/argument/link-schema";

export type CardPicker = "theme" | "link";

/** What the annotation card needs for themes (#6) and links (#7); built once per render by the view. */
export interface CardTools {
  /** The workspace, for the card's server requests (similar passages, links to text). */
  workspaceId: string;
  /** Changes to the workspace doc (themes, links); null until connected. */
  workspace: WorkspaceCommands | null;
  themes: WorkspaceThemes;
  links: readonly ArgumentLink[];
  /** May tag annotations (`annotation.edit`). */
  canTag: boolean;
  /** May create themes on the fly (`theme.manage`). */
  canCreateTheme: boolean;
  /** May create and remove links (`link.manage`). */
  canLink: boolean;
  /** The annotations the link picker offers: those of the open panes. */
  candidates(): PickerCandidate[];
  /** The rest of the workspace's annotations, searched on the server (documents not open too). */
  searchCandidates?: PickerSearch;
  /** What a new link may point at: the open panes' annotations and those the search found. */
  catalog(): EndpointCatalog;
  describe(end: LinkEndpoint): { label: string; missing?: boolean };
  /** Focuses the other end of a link, opening its document in a pane when needed. */
  openEnd(end: LinkEndpoint): void;
  /** Starts linking by dragging from the card's link handle (absent when links cannot be made). */
  startLinkDrag?(from: { documentId: string; annotationId: string }, e: React.PointerEvent | React.KeyboardEvent | React.MouseEvent): void;
  /** A picker to open on the card of `annotationId` when it shows (the toolbar's # and ⇄). */
  request: { annotationId: string; kind: CardPicker } | null;
}
