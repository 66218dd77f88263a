"use client";

import { useTranslations } from "next-intl";
import type { WorkspaceCommands, WorkspaceThemes } from "@/lib/collab/client";
import type { ArgumentLink, LinkEndpoint } from "@/lib/core/argument/link-schema";
import { catalogOf } from "@/lib/core/argument/validate-link";
import type { PickerCandidate } from "@/components/links/LinkPicker";
import { withTextHits } from "@/components/similar/text-candidates";
import type { CardTools } from "./card-tools";
import type { PaneHandle } from "./pane-handle";
import type { CompareData } from "./types";
import type { FoundPassages } from "./use-found-passages";

interface Deps {
  workspaceId: string;
  panes: PaneHandle[];
  documents: CompareData["documents"];
  workspace: WorkspaceCommands | null;
  themes: WorkspaceThemes;
  links: readonly ArgumentLink[];
  found: FoundPassages;
  can: { tag: boolean; createTheme: boolean; link: boolean };
  openEnd(end: LinkEndpoint): void;
  startLinkDrag: CardTools["startLinkDrag"];
  request: CardTools["request"];
}

/** What the annotation cards need for themes and links, built once per render of the view. */
export function useCardTools({ workspaceId, panes, documents, workspace, themes, links, found, can, openEnd, startLinkDrag, request }: Deps): CardTools {
  const t = useTranslations("compare");
  const annotationsOfPanes = () => panes.flatMap((p) => (p.store?.list() ?? []).map((a) => ({ pane: p, a })));
  return {
    workspaceId,
    workspace,
    themes,
    links,
    canTag: can.tag,
    canCreateTheme: can.createTheme,
    canLink: can.link,
    // Only the open panes' annotations: the page loads no others (open a document to link to it).
    candidates: (): PickerCandidate[] =>
      annotationsOfPanes().map(({ pane, a }) => ({
        id: a.id,
        kind: "annotation",
        documentId: pane.data.document.id,
        documentTitle: pane.data.document.title,
        text: a.entry.anchor.exact,
        authorName: a.entry.author.name,
      })),
    searchCandidates: withTextHits(workspaceId, found.search),
    // The search's hits exist in the projection, so links to them pass the model's check (a hit
    // deleted since the search is left to the projection, which drops links to deleted passages).
    catalog: () => catalogOf([...annotationsOfPanes().map(({ a }) => a.id), ...found.ids()], []),
    describe: (end) => {
      const item = end.kind === "annotation" ? panes.map((p) => p.store?.get(end.id)).find(Boolean) : undefined;
      if (item) return { label: item.entry.anchor.exact };
      const hit = end.kind === "annotation" ? found.get(end.id) : undefined;
      if (hit) return { label: hit.text };
      const title = documents.find((d) => d.id === end.documentId)?.title;
      return { label: title ? t("card.inDocument", { title }) : t("card.otherWorkspaceDoc"), missing: end.kind !== "annotation" || !end.documentId };
    },
    openEnd,
    startLinkDrag,
    request,
  };
}
