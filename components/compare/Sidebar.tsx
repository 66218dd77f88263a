"use client";

import { useMemo, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import type { CollabActor } from "@/lib/core/collab";
import { useListPreviews } from "@/lib/collab/client/react";
import { AnnotationCard } from "./AnnotationCard";
import { isSelected, shownState } from "./annotation-selection";
import { AnnotationList, type ListSelect } from "./AnnotationList";
import type { CardTools } from "./card-tools";
import type { PaneHandle } from "./pane-handle";
import { SelectionBar } from "./SelectionBar";
import { ThemeCounts, ThemeFilterSelect, type ThemeLens } from "./ThemeLens";
import type { FocusRef } from "./types";
import type { AnnotationSelectionApi } from "./use-annotation-selection";
import s from "./compare.module.css";

interface Props {
  panes: PaneHandle[];
  active: number;
  focus: FocusRef | null;
  focusNote: boolean;
  actor: CollabActor;
  colour: string;
  canEdit: boolean;
  canReply: boolean;
  tools: CardTools;
  onActivate(index: number): void;
  onFocus(ref: FocusRef | null, scroll: boolean): void;
  /** Themes in the reader: the theme filter and the counts per theme. */
  lens?: ThemeLens;
  /** The view's multi-selection (#6: tag several at once); used only by those who may tag. */
  selection?: AnnotationSelectionApi;
}

/** The annotations of one pane (tabs switch panes): a filtered list, or the card of the focused one. */
export function Sidebar({ panes, active, focus, focusNote, actor, colour, canEdit, canReply, tools, onActivate, onFocus, lens, selection }: Props) {
  const t = useTranslations("compare");
  const pane = panes[active] ?? panes[0];
  const store = pane?.store ?? null;
  useSyncExternalStore(store?.subscribe ?? noop, () => store?.version ?? 0, () => 0);
  // Viewers and commenters get no checkboxes; nor does anyone before the workspace doc is open.
  const tagCommands = tools.canTag ? tools.workspace : null;
  const selecting = selection && tagCommands ? selection : null;
  const documentId = pane?.data.document.id;
  const listSelect = useMemo<ListSelect | undefined>(() => {
    if (!selecting || !documentId) return undefined;
    const { selection: sel, click, set } = selecting;
    return {
      isSelected: (id) => isSelected(sel, documentId, id),
      click: (id, order, shift) => click(documentId, id, order, shift),
      set: (ids, on) => set(documentId, ids, on),
      stateOf: (ids) => shownState(sel, documentId, ids),
    };
  }, [selecting, documentId]);
  const previews = useListPreviews(pane?.commands ?? null);
  const cardHere = focus && pane && focus.documentId === pane.data.document.id && pane.store && pane.commands;
  // Back in the list, the annotation just read is marked and scrolled to.
  const [recent, setRecent] = useState<string | null>(null);
  const back = () => {
    if (focus) setRecent(focus.annotationId);
    onFocus(null, false);
  };
  return (
    <aside className={s.sidebar} aria-label={t("sidebar.title")} data-testid="sidebar">
      {panes.length > 1 && (
        <div className={s.tabs} role="tablist" aria-label={t("sidebar.title")}>
          {panes.map((p, i) => (
            <button
              key={p.data.document.id}
              type="button"
              role="tab"
              aria-selected={p === pane}
              className={s.tab}
              onClick={() => onActivate(i)}
              title={p.data.document.title}
              data-testid="sidebar-tab"
            >
              {i + 1}. {p.data.document.title}
            </button>
          ))}
        </div>
      )}
      {selecting && tagCommands && selecting.size.annotations > 0 && <SelectionBar selection={selecting} commands={tagCommands} canCreateTheme={tools.canCreateTheme} />}
      {!pane ? (
        <p className="muted small">{t("sidebar.noPane")}</p>
      ) : cardHere ? (
        <div className={s.cardWrap}>
          <button type="button" className="btn link small" onClick={back} data-testid="back-to-list">← {t("sidebar.back")}</button>
          <AnnotationCard
            key={focus.annotationId}
            pane={pane}
            annotationId={focus.annotationId}
            actor={actor}
            colour={colour}
            canEdit={canEdit}
            canReply={canReply}
            autoFocusNote={focusNote}
            tools={tools}
            onClose={back}
            onShow={() => onFocus(focus, true)}
          />
        </div>
      ) : store ? (
        <>
          {lens && <ThemeCounts lens={lens} items={store.list()} />}
          <AnnotationList
            items={store.list()}
            versionNumbers={pane.data.versionNumbers}
            focusedId={recent}
            onOpen={(id) => onFocus({ documentId: pane.data.document.id, annotationId: id }, true)}
            keep={lens?.keep}
            filterSlot={lens && <ThemeFilterSelect lens={lens} />}
            select={listSelect}
            previews={previews}
          />
        </>
      ) : null}
    </aside>
  );
}

const noop = () => () => {};
