"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useWorkspaceCommands, useWorkspaceLinks, useWorkspaceSession, useWorkspaceThemes } from "@/lib/collab/client/react";
import { addPane, closePane, DEFAULT_COLOUR, movePane, presenceColour, type CompareViewState } from "@/lib/core/compare";
import { can } from "@/lib/core/permissions";
import type { CardTools } from "./card-tools";
import { CompareBar } from "./CompareBar";
import { CompareNotices } from "./CompareNotices";
import { LinkConnectors } from "./LinkConnectors";
import { SearchMarks } from "@/components/search/SearchMarks";
import { SelectionSimilar } from "@/components/similar/SelectionSimilar";
import { LinkDragLayer, useLinkDrag } from "./LinkDrag";
import { DeferredPane } from "./DeferredPane";
import { Pane } from "./Pane";
import { SelectionToolbar } from "./SelectionToolbar";
import { Sidebar } from "./Sidebar";
import { ColourBySwitch, useThemeLens } from "./ThemeLens";
import type { CompareData, CompareUser, FocusRef } from "./types";
import { useAnnotationSelection } from "./use-annotation-selection";
import { useCardTools } from "./use-card-tools";
import { useCompareKeys } from "./use-compare-keys";
import { useCreateAnnotation } from "./use-create-annotation";
import { useFocus } from "./use-focus";
import { useFoundPassages } from "./use-found-passages";
import { useHighlightPointer } from "./use-highlight-pointer";
import { useLinkNavigation } from "./use-link-navigation";
import { usePaneOrder } from "./use-pane-order";
import { useSelection } from "./use-selection";
import { useSyncScroll } from "./use-sync-scroll";
import { useToast } from "./use-toast";
import { useViewUrl } from "./use-view-url";
import { CompareTour } from "./CompareTour";
import s from "./compare.module.css";

interface Props {
  data: CompareData;
  initial: CompareViewState & { dropped: number };
  user: CompareUser;
  /** Null when no token could be issued (collab server down): the view is then read-only. */
  collab: { url: string; token: string; refreshUrl?: string } | null;
}

/**
 * The compare view: one to four documents side by side, each pane with its outline, own scroll
 * and live annotations; a sidebar with the active pane's annotations or the focused card. Each
 * concern is a hook of its own (session, pane order, URL, scroll, creation, link navigation,
 * hit-testing, keys); this component wires them and lays the page out.
 */
export function CompareView({ data, initial, user, collab }: Props) {
  const t = useTranslations("compare");
  const router = useRouter();
  const colour = useMemo(() => presenceColour(user.id), [user.id]);
  const role = data.workspace.role;
  const may = { create: can(role, "annotation.create"), reply: can(role, "annotation.reply"), tag: can(role, "annotation.edit"), link: can(role, "link.manage") };

  const live = useWorkspaceSession(collab, data.workspace.id, user);
  const session = live.session;
  const workspace = useWorkspaceCommands(session);
  const { order, setOrder, reorder, panes, register } = usePaneOrder(data.panes.map((p) => p.document.id));
  const [active, setActive] = useState(0);
  const [sync, setSync] = useState(initial.sync);
  const [toast, showToast] = useToast();
  const { focus, focusId, focusNote, setFocus } = useFocus(panes, initial.focus);
  const { viewState, writeUrl, urlOf, rememberPosition } = useViewUrl(initial, { order, focusId, sync });
  const onScrolled = useSyncScroll(panes, sync, rememberPosition, () => writeUrl(viewState()));

  // Themes and links live in the workspace doc, which the session already has open.
  const meta = session?.meta.doc ?? null;
  const themes = useWorkspaceThemes(meta);
  const links = useWorkspaceLinks(meta);
  const lens = useThemeLens(panes, themes);
  const [pickerRequest, setPickerRequest] = useState<CardTools["request"]>(null);
  const panesBox = useRef<HTMLDivElement>(null);

  const changeOrder = (next: CompareViewState) => {
    reorder(next.documents);
    writeUrl(next);
  };
  const add = (documentId: string, focusOn?: string) => {
    const next = addPane(focusOn ? { ...viewState(), focus: focusOn } : viewState(), documentId);
    if (next.documents.length === order.length) return;
    setOrder(next.documents);
    // New text comes from the server: the page re-renders with one more pane, the others keep their state.
    router.replace(urlOf(next), { scroll: false });
  };
  const focusOn = useCallback(
    (ref: FocusRef) => {
      setActive(Math.max(0, order.indexOf(ref.documentId)));
      setFocus(ref, true);
    },
    [order, setFocus],
  );

  const [selection, clearSelection] = useSelection(panes);
  // Annotations ticked for tagging at once: here, so the selection outlives sidebar tabs and spans panes.
  const picked = useAnnotationSelection(panes);
  const [toolbarFocus, setToolbarFocus] = useState(0);
  const create = useCreateAnnotation({
    selection,
    clearSelection,
    toast: showToast,
    openCard: (pane, ref, { note, picker }) => {
      setActive(Math.max(0, panes.indexOf(pane)));
      setPickerRequest(picker ? { annotationId: ref.annotationId, kind: picker } : null);
      setFocus(ref, false, note);
    },
  });

  const openEnd = useLinkNavigation({ panes, order, documents: data.documents, focusOn, open: add, toast: showToast });
  // Linking by dragging from highlight to highlight (Alt+drag, or the card's link handle).
  const linkDrag = useLinkDrag(panes, may.link && !!workspace, () => showToast(t("linkDrag.refused")));
  const found = useFoundPassages(data.workspace.id, panes, links);
  const tools = useCardTools({
    workspaceId: data.workspace.id,
    panes,
    documents: data.documents,
    workspace,
    themes,
    links,
    found,
    can: { tag: may.tag, createTheme: can(role, "theme.manage"), link: may.link },
    openEnd,
    startLinkDrag: may.link && workspace ? (from, e) => linkDrag.startFrom(from, e) : undefined,
    request: pickerRequest,
  });

  const pointer = useHighlightPointer({
    panes,
    focus,
    pick: may.tag && workspace ? picked.toggle : undefined,
    activate: setActive,
    select: (ref) => setFocus(ref, false),
    consumeClick: linkDrag.consumeClick,
  });
  const onToolbarKey = useMemo(
    () => (may.create ? () => (window.getSelection()?.isCollapsed ? showToast(t("toolbar.selectFirst")) : setToolbarFocus((n) => n + 1)) : null),
    [may.create, showToast, t],
  );
  useCompareKeys({ undo: (panes[active] ?? panes[0])?.undo, onToolbarKey });

  const visible = order.map((id) => data.panes.find((p) => p.document.id === id)).filter((p): p is CompareData["panes"][number] => !!p);
  return (
    <div className={s.view} data-testid="compare-view" data-panes={visible.length}>
      <CompareBar data={data} order={order} live={live} me={{ id: user.id, name: user.name, color: colour }} sync={sync} onSync={setSync} onAdd={add} onCopied={() => showToast(t("linkCopied"))}>
        {meta && <ColourBySwitch lens={lens} />}
      </CompareBar>
      <SearchMarks workspaceId={data.workspace.id} panes={panes} />
      <CompareTour userId={user.id} />
      <CompareNotices dropped={initial.dropped} missing={data.missing.length} collab={!!collab} role={role} />
      {visible.length === 0 ? (
        <p className={`${s.empty} muted`}>{t("empty")}</p>
      ) : (
        <div className={s.workspace}>
          <div ref={panesBox} className={s.panes} style={{ "--panes": visible.length } as React.CSSProperties} onClick={pointer.onClick} onMouseMove={pointer.onMouseMove} onPointerDown={linkDrag.onPanesPointerDown}>
            {visible.map((p) => {
              const index = order.indexOf(p.document.id);
              return (
                <div key={p.document.id} className={s.paneSlot}>
                  <DeferredPane workspaceId={data.workspace.id} data={p}>
                    {(full) => (
                      <Pane
                        index={index}
                        count={order.length}
                        data={full}
                        session={session}
                        initialOffset={initial.positions[initial.documents.indexOf(p.document.id)] ?? 0}
                        active={index === active}
                        onReady={register}
                        onScroll={onScrolled}
                        onMove={(from, to) => changeOrder(movePane(viewState(), from, to))}
                        onClose={(i) => changeOrder(closePane(viewState(), i))}
                        onActivate={setActive}
                      />
                    )}
                  </DeferredPane>
                </div>
              );
            })}
            <LinkConnectors
              container={panesBox}
              panes={panes}
              links={links}
              onClick={(linkId, end) => {
                const link = links.find((l) => l.id === linkId);
                if (link) openEnd(end === "from" ? link.from : link.to);
              }}
            />
            <LinkDragLayer drag={linkDrag} panes={panes} commands={workspace} catalog={tools.catalog} onCreated={() => showToast(t("linkDrag.created"))} />
          </div>
          <Sidebar
            panes={panes}
            active={Math.min(active, Math.max(0, panes.length - 1))}
            focus={focus}
            focusNote={focusNote}
            actor={{ id: user.id, name: user.name }}
            colour={colour}
            canEdit={may.tag}
            canReply={may.reply}
            tools={tools}
            lens={lens}
            selection={picked}
            onActivate={setActive}
            onFocus={(ref: FocusRef | null, scroll: boolean) => {
              if (ref) setActive(Math.max(0, order.indexOf(ref.documentId)));
              setFocus(ref, scroll);
            }}
          />
        </div>
      )}
      {selection && may.create && (
        <SelectionToolbar
          info={selection}
          focusRequest={toolbarFocus}
          onHighlight={(hex) => create(hex, false)}
          onNote={() => create(DEFAULT_COLOUR, true)}
          onTheme={may.tag && workspace ? () => create(DEFAULT_COLOUR, false, "theme") : undefined}
          onLink={may.link && workspace ? () => create(DEFAULT_COLOUR, false, "link") : undefined}
          onClose={clearSelection}
        >
          {selection.ok && <SelectionSimilar key={`${selection.start}-${selection.end}`} workspaceId={data.workspace.id} documentId={selection.pane.data.document.id} start={selection.start} end={selection.end} />}
        </SelectionToolbar>
      )}
      {toast && <p className={s.toast} role="status" data-testid="toast">{toast}</p>}
    </div>
  );
}
